package drslink.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsRegionsTest {
  @Test
  void knowsThePartitionOfEveryDrsRegion() {
    assertEquals(Optional.of(Partition.AWS), AwsRegions.partitionWithDrs("ap-northeast-3"));
    assertEquals(Optional.of(Partition.AWS_US_GOV), AwsRegions.partitionWithDrs("us-gov-west-1"));
    assertEquals(Partition.AWS, AwsRegions.partition("eu-central-2"));
  }

  @Test
  void tellsARealRegionWithoutDrsFromAnUnknownCode() {
    assertEquals(Optional.empty(), AwsRegions.partitionWithDrs("cn-north-1"));
    assertTrue(AwsRegions.withoutDrs("cn-north-1").orElseThrow().contains("aws-cn"));
    assertEquals(Optional.empty(), AwsRegions.withoutDrs("ap-northeast-9"));
    assertTrue(AwsRegions.allKnownRegions().contains("cn-north-1"));
    assertTrue(!AwsRegions.drsRegions().contains("cn-north-1"));
  }

  @Test
  void refusesThePartitionOfARegionValidationWouldReject() {
    assertThrows(IllegalArgumentException.class, () -> AwsRegions.partition("cn-north-1"));
  }

  @Test
  void namesEndpointServicesAndHostnames() {
    assertEquals("com.amazonaws.ap-northeast-3.drs", Partition.AWS.endpointServiceName("ap-northeast-3", "drs"));
    assertEquals("s3.us-gov-west-1.amazonaws.com", Partition.AWS_US_GOV.serviceHostname("us-gov-west-1", "s3"));
  }

  @Test
  void knowsThePartitionOfRegionsWithoutDrsAndOfArns() {
    assertEquals(Optional.of(Partition.AWS_CN), AwsRegions.partitionOf("cn-northwest-1"));
    assertEquals(Optional.of(Partition.AWS_US_GOV), AwsRegions.partitionOf("us-gov-east-1"));
    assertEquals(Optional.empty(), AwsRegions.partitionOf("ap-northeast-9"));
    assertEquals(Optional.of(Partition.AWS_CN), Partition.ofArn("arn:aws-cn:iam::111111111111:role/r"));
    assertEquals(Optional.of(Partition.AWS), Partition.ofArn("arn:aws:iam::111111111111:role/r"));
    assertEquals(Optional.empty(), Partition.ofArn("arn:aws-xx:iam::111111111111:role/r"));
    assertEquals(Optional.empty(), Partition.ofArn("not-an-arn"));
    assertEquals("route53.amazonaws.com.cn", Partition.AWS_CN.route53Hostname());
  }
}
