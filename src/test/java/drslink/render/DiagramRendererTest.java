package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import org.junit.jupiter.api.Test;

/** What issue 23 found missing from the diagram: accounts, the direction of replication, Resolver and staging endpoints. */
class DiagramRendererTest {
  private static String mermaid(String topology) {
    CliRun run = CliRun.of("diagram", "-q", topology);
    assertEquals(0, run.exitCode(), run.err());
    return run.out();
  }

  @Test
  void showsAccountsStagingEndpointsAndWhichWayDataGoes() {
    String out = mermaid("examples/cross-account/topology.yaml");
    assertTrue(out.contains("vpc_vault[\"VPC vault<br/>10.9.0.0/16<br/>account dr\"]"), out);
    assertTrue(out.contains("staging_endpoints_eu_north_1([\"EC2 interface + S3 gateway endpoints<br/>for private staging in vault\"])"), out);
    assertTrue(out.contains("vpc_crm ==>|replicates to| template_dr_eu_north_1"), out);
  }

  @Test
  void saysWhichStagingEndpointsAreReused() {
    String out = mermaid("src/test/resources/golden/reused-staging-endpoints/topology.yaml");
    assertTrue(out.contains("staging_endpoints_ap_northeast_3([\"EC2 interface + S3 gateway endpoints<br/>for private staging in dr<br/>(2 existing, reused)\"])"), out);
  }

  @Test
  void showsResolverInboundEndpointsAndWhoForwardsToThem() {
    String out = mermaid("src/test/resources/golden/hybrid-datacenters/topology.yaml");
    assertTrue(out.contains("resolver_ap_southeast_1([\"Route 53 Resolver<br/>inbound endpoint in recovery\"])"), out);
    assertTrue(out.contains("vpc_dc_east -.->|DNS forwarding| resolver_ap_southeast_1"), out);
    // dc-west uses installer flags, not the Resolver.
    assertTrue(!out.contains("vpc_dc_west -.->|DNS forwarding|"), out);
    assertTrue(out.contains("vpc_dc_west ==>|replicates to| template_ap_southeast_1"), out);
  }

  @Test
  void dotDrawsReplicationBold() {
    CliRun run = CliRun.of("diagram", "-q", "--format", "dot", "examples/tokyo-osaka/topology.yaml");
    assertTrue(run.out().contains("vpc_app -> template_ap_northeast_3 [label=\"replicates to\", style=bold];"), run.out());
  }
}
