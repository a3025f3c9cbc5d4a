package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * The moto fixture created what a topology refers to, in the right accounts, and rewrote the file to
 * moto's ids. Checked on every seeded e2e topology (ExamplesE2EIT) and on HarnessIT's fixture
 * (MotoFixtureIT).
 */
final class SeededChecks {
  private SeededChecks() {}

  static void assertSeeded(MotoFixture moto, String text, SeededTopology seeded, ObjectMapper yaml) {
    TopologyTree original = TopologyTree.parse(text, yaml);

    for (String id : original.referencedIds()) {
      assertTrue(seeded.ids().containsKey(id), "not seeded: " + id);
      assertFalse(seeded.yaml().contains(id), "example id left in the rewritten topology: " + id);
    }
    assertEquals(original.vpcs().size(), seeded.topology().vpcs().size());
    assertEquals(original.name(), seeded.topology().name(), "the topology keeps its own name");

    for (TopologyTree.Vpc v : seeded.topology().vpcs()) {
      Ec2Client ec2 = moto.ec2(v.region(), seeded.credsFor(v));
      Vpc vpc = ec2.describeVpcs(r -> r.vpcIds(v.id())).vpcs().get(0);
      Set<String> cidrs =
          vpc.cidrBlockAssociationSet().stream()
              .map(c -> c.cidrBlock())
              .collect(Collectors.toSet());
      assertEquals(new HashSet<>(v.cidrs()), cidrs, v.name());
      assertTrue(
          ec2.describeVpcAttribute(
                  r -> r.vpcId(v.id()).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
              .enableDnsHostnames()
              .value());
      assertTrue(
          ec2.describeVpcAttribute(
                  r -> r.vpcId(v.id()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
              .enableDnsSupport()
              .value());
      if (!v.endpointSubnetIds().isEmpty()) {
        List<Subnet> subnets =
            ec2.describeSubnets(r -> r.subnetIds(v.endpointSubnetIds())).subnets();
        assertEquals(
            v.endpointSubnetIds().size(),
            subnets.stream().map(Subnet::availabilityZone).distinct().count(),
            "endpoint subnets of " + v.name() + " must be in distinct AZs");
        subnets.forEach(s -> assertEquals(v.id(), s.vpcId()));
      }
      if (v.stagingSubnetId() != null) {
        assertEquals(
            v.id(),
            ec2.describeSubnets(r -> r.subnetIds(v.stagingSubnetId())).subnets().get(0).vpcId());
      }
      for (String rtb : v.routeTableIds()) {
        assertEquals(
            v.id(),
            ec2.describeRouteTables(r -> r.routeTableIds(rtb)).routeTables().get(0).vpcId());
      }
      String account = moto.accountOf(seeded.credsFor(v));
      assertEquals(account, vpc.ownerId(), v.name() + " must live in its account");
      original
          .accountOf(original.vpc(v.name()))
          .filter(TopologyTree.Account::hasRole)
          .ifPresent(a -> assertEquals(a.id(), account, "assumed role must act in " + a.name()));
    }

    for (TopologyTree.Connectivity c : seeded.topology().connectivity()) {
      for (TopologyTree.TransitGateway t : c.transitGateways().values()) {
        TopologyTree.Vpc v =
            c.vpcs().stream()
                .map(seeded.topology()::vpc)
                .filter(x -> x.region().equals(t.region()))
                .findFirst()
                .orElseThrow();
        Ec2Client ec2 = moto.ec2(t.region(), seeded.credsFor(v));
        assertEquals(
            1,
            ec2.describeTransitGateways(r -> r.transitGatewayIds(t.id())).transitGateways().size());
        assertEquals(
            1,
            ec2.describeTransitGatewayRouteTables(
                    r -> r.transitGatewayRouteTableIds(t.routeTableId()))
                .transitGatewayRouteTables()
                .size());
        assertEquals(
            v.id(),
            ec2.describeTransitGatewayVpcAttachments(
                    r -> r.transitGatewayAttachmentIds(t.attachmentId()))
                .transitGatewayVpcAttachments()
                .get(0)
                .vpcId());
      }
    }
  }
}
