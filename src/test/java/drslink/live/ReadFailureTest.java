package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/** Each cause of a failed read in one line naming the call, the place and the endpoint. */
class ReadFailureTest {
  private static final Cloud.Place PLACE = new Cloud.Place("dr", "eu-north-1");

  private static AwsServiceException service(int status, String code) {
    return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("long\nmessage").build()).build();
  }

  @Test
  void eachCauseIsOneLine() {
    assertEquals(
        "network: connection refused (Ec2 DescribeVpcs in eu-north-1 (account dr) at http://127.0.0.1:9)",
        ReadFailure.of(SdkClientException.create("Unable to execute HTTP request", new ConnectException("Connection refused")), "Ec2:DescribeVpcs", PLACE, "http://127.0.0.1:9").getMessage());
    assertEquals(
        "credentials: none found in the default chain (environment, system properties, profile, SSO, container, instance metadata) (Ec2 DescribeVpcs in eu-north-1 (account dr) at https://ec2.eu-north-1.amazonaws.com)",
        ReadFailure.of(SdkClientException.create("Unable to load credentials from any of the providers in the chain AwsCredentialsProviderChain(...)"), "Ec2:DescribeVpcs", PLACE, ReadFailure.endpoint(null, "Ec2:DescribeVpcs", "eu-north-1")).getMessage());
    assertEquals("permission: ec2:DescribeVpcs denied (UnauthorizedOperation)", ReadFailure.cause(service(403, "UnauthorizedOperation"), "Ec2:DescribeVpcs"));
    assertEquals("permission: route53:ListTagsForResource denied (AccessDenied)", ReadFailure.cause(service(403, "AccessDenied"), "Route53:ListTagsForResource"));
    assertEquals("credentials: refused by AWS (AuthFailure)", ReadFailure.cause(service(401, "AuthFailure"), "Ec2:DescribeVpcs"));
    assertEquals("throttling: still throttled after the SDK's retries (Throttling)", ReadFailure.cause(service(400, "Throttling"), "Route53:ListHostedZonesByVPC"));
    assertEquals("server error: HTTP 503 ServiceUnavailable", ReadFailure.cause(service(503, "ServiceUnavailable"), "Ec2:DescribeVpcs"));
    assertEquals(
        "network: connection refused (Sts AssumeRole for account dr at https://sts.us-east-1.amazonaws.com)",
        ReadFailure.of(SdkClientException.create("x", new ConnectException()), "Sts:AssumeRole", PLACE, ReadFailure.endpoint(null, "Sts:AssumeRole", "eu-north-1")).getMessage());
  }

  @Test
  void endpointsFollowThePartition() {
    assertEquals("https://route53.us-gov.amazonaws.com", ReadFailure.endpoint(null, "Route53:ListHostedZonesByVPC", "us-gov-west-1"));
    assertEquals("https://ec2.cn-north-1.amazonaws.com.cn", ReadFailure.endpoint(null, "Ec2:DescribeVpcs", "cn-north-1"));
    assertEquals("http://127.0.0.1:5000", ReadFailure.endpoint(URI.create("http://127.0.0.1:5000"), "Ec2:DescribeVpcs", "cn-north-1"));
  }
}
