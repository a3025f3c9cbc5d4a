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
}
