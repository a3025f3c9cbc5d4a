package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.terraform.Cleanup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** The moto fixture creates what each topology refers to, and rewrites the file to moto's ids. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoFixtureIT {

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private MotoServer server;
  private MotoFixture moto;

  @BeforeAll
  void start() {
    runtime = ToolRuntime.fromSystemProperty();
    server = runtime.startMoto();
    moto = new MotoFixture(server, yaml);
  }

  @AfterAll
  void stop() {
    Cleanup.closeAll(moto, server, runtime);
  }

  @BeforeEach
  void resetMoto() {
    moto.reset();
  }

  List<Named<Path>> topologies() {
    List<Named<Path>> all = new java.util.ArrayList<>(E2eCases.all(project));
    all.add(
        Named.of("e2e/fixture", project.resolve("src/test/resources/e2e/fixture/topology.yaml")));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void seedsEveryReferencedObjectAndRewritesTheIds(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    TopologyTree original = TopologyTree.parse(text, yaml);
    SeededTopology seeded = moto.seed(text);

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

  @Test
  void idsAreReplacedWholeNotInsideLongerIds() {
    String text =
        "a: rtb-0123456789abcdef0\nb: tgw-rtb-0123456789abcdef0\nc: [rtb-0123456789abcdef0]\n";
    String out =
        MotoFixture.replaceIds(
            text,
            Map.of(
                "rtb-0123456789abcdef0",
                "rtb-aaaa1111",
                "tgw-rtb-0123456789abcdef0",
                "tgw-rtb-bbbb"));
    assertEquals("a: rtb-aaaa1111\nb: tgw-rtb-bbbb\nc: [rtb-aaaa1111]\n", out);
  }

  @Test
  void crossAccountVpcsAreSeededInTheirRolesAccounts() {
    String text =
        String.join(
            "\n",
            "version: 1",
            "name: cross",
            "accounts:",
            "  - name: prod",
            "    id: \"111122223333\"",
            "    role_arn: arn:aws:iam::111122223333:role/terraform",
            "  - name: dr",
            "    id: \"444455556666\"",
            "regions:",
            "  - name: ap-northeast-1",
            "    vpcs:",
            "      - name: app",
            "        id: vpc-0a1b2c3d4e5f67890",
            "        cidr: 10.10.0.0/16",
            "        account: prod",
            "  - name: ap-northeast-3",
            "    vpcs:",
            "      - name: dr",
            "        id: vpc-0fedcba9876543210",
            "        cidr: 10.20.0.0/16",
            "        account: dr",
            "");
    SeededTopology seeded = moto.seed(text);
    TopologyTree t = seeded.topology();
    String caller = moto.accountOf(AwsCreds.TEST);
    assertEquals("111122223333", moto.accountOf(seeded.credsFor(t.vpc("app"))));
    assertEquals(caller, moto.accountOf(seeded.credsFor(t.vpc("dr"))));
    assertTrue(
        seeded.yaml().contains("id: \"" + caller + "\""), "role-less account becomes the caller's");
    assertEquals(
        "111122223333",
        moto.ec2("ap-northeast-1", seeded.credsFor(t.vpc("app")))
            .describeVpcs(r -> r.vpcIds(t.vpc("app").id()))
            .vpcs()
            .get(0)
            .ownerId());
  }
}
