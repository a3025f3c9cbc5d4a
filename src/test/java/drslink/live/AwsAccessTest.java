package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** Clients and credentials of one run, for accounts with and without a {@code role_arn}. */
class AwsAccessTest {

  /**
   * Building an account's EC2 client builds its STS client on the way; that used to change the client
   * map inside its own computeIfAbsent and end every role_arn topology in exit 70 before any call.
   * Nothing is sent here: clients are only built (the endpoint is a closed port on 127.0.0.1).
   */
  @Test
  void clientsOfAnAccountWithARoleAreBuiltOnceEach() {
    Map<String, String> roles = Map.of("recovery", "arn:aws:iam::222222222222:role/drslink-readonly");
    try (AwsAccess aws = new AwsAccess(URI.create("http://127.0.0.1:9"), roles, new ReadOnlyGuard())) {
      Cloud.Place recovery = new Cloud.Place("recovery", "ap-northeast-3");
      Cloud.Place source = new Cloud.Place("source", "ap-northeast-1");
      var ec2 = aws.ec2(recovery);
      assertSame(ec2, aws.ec2(recovery));
      assertSame(aws.route53(recovery), aws.route53(new Cloud.Place("recovery", "us-west-2")));
      assertSame(aws.credentials("recovery"), aws.credentials("recovery"));
      assertNotSame(aws.credentials("recovery"), aws.credentials("source"));
      assertSame(aws.credentials("source"), aws.credentials(null));
      assertNotSame(ec2, aws.ec2(source));
    }
  }

  @Test
  void rolesAreAssumedInTheirOwnPartition() {
    assertEquals(Region.US_EAST_1, AwsAccess.stsRegionOf("arn:aws:iam::111111111111:role/r"));
    assertEquals(Region.US_GOV_WEST_1, AwsAccess.stsRegionOf("arn:aws-us-gov:iam::111111111111:role/r"));
    assertEquals(Region.CN_NORTHWEST_1, AwsAccess.stsRegionOf("arn:aws-cn:iam::111111111111:role/r"));
  }
}
