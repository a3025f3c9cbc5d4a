package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** The guard every preflight/verify client carries: reads pass (and are recorded), anything else is refused before it is sent. */
class ReadOnlyGuardTest {

  @Test
  void onlyReadsAndCredentialCallsAreReads() {
    for (String op : List.of("DescribeVpcs", "ListHostedZonesByVPC", "GetHostedZone", "AssumeRole", "GetCallerIdentity", "DescribeReplicationConfigurationTemplates", "SearchTransitGatewayRoutes", "ListResolverRuleAssociations", "GetResolverRule")) {
      assertTrue(ReadOnlyGuard.isRead(op), op);
    }
    for (String op : List.of("CreateVpc", "DeleteRoute", "AssociateVPCWithHostedZone", "ChangeResourceRecordSets", "InitializeService", "RevokeSecurityGroupIngress", "ModifyVpcAttribute", "SearchAndDestroy", "AssociateResolverRule")) {
      assertFalse(ReadOnlyGuard.isRead(op), op);
    }
  }

  /** A real SDK client aimed at a closed port on 127.0.0.1: a mutating call never reaches the wire. */
  @Test
  void mutatingSdkCallIsRefusedBeforeItIsSent() {
    ReadOnlyGuard guard = new ReadOnlyGuard();
    try (Ec2Client ec2 =
        Ec2Client.builder()
            .region(Region.AP_NORTHEAST_3)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(guard).build())
            .build()) {
      RuntimeException refused = assertThrows(RuntimeException.class, () -> ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")));
      assertTrue(String.valueOf(refused.getMessage()).contains("drslink refused Ec2 CreateVpc"), refused::toString);
      assertEquals(List.of(), guard.calls());
      // A read passes the guard (and then fails on the closed port, which is what proves it was let through).
      assertThrows(SdkException.class, () -> ec2.describeVpcs());
      assertEquals(List.of("Ec2:DescribeVpcs"), guard.calls());
    }
  }
}
