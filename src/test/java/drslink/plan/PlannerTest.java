package drslink.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import drslink.parse.TopologyReader;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import drslink.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Planner decisions, compared as records without templates. */
class PlannerTest {
  static Topology topology(String yaml) {
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(YamlLimits.DEFAULT)
            .read("t.yaml", yaml, d)
            .flatMap(root -> new TopologyReader(d).read("t.yaml", root))
            .orElseThrow();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  static String example(String name) throws IOException {
    return Files.readString(Path.of("examples", name, "topology.yaml"));
  }

  static Set<String> addresses(Plan plan) {
    return plan.resources().stream().map(PlannedResource::address).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void aReusedStagingEndpointIsReadNotCreatedAndTheOtherIsStillCreated() throws IOException {
    String golden = Files.readString(Path.of("src/test/resources/golden/reused-staging-endpoints/topology.yaml"));
    String ec2Only = golden.replace("          s3_gateway: vpce-0e000000000000002\n", "");
    Plan plan = new Planner().plan(topology(ec2Only), "x");
    Set<String> addresses = addresses(plan);
    assertFalse(addresses.contains("module.private_staging_dr.aws_vpc_endpoint.ec2[0]"), addresses.toString());
    assertTrue(addresses.contains("module.private_staging_dr.aws_vpc_endpoint.s3_gateway[0]"), addresses.toString());
    // The existing EC2 endpoint sits behind its owner's group: HTTPS out to the VPC's own CIDR reaches it.
    assertTrue(addresses.contains("module.replication_sg_dr.aws_vpc_security_group_egress_rule.https_to_vpc[\"10.20.0.0/16\"]"), addresses.toString());
    ModuleCall staging = plan.modules().stream().filter(m -> m.label().equals("private_staging_dr")).findFirst().orElseThrow();
    assertTrue(staging.arguments().contains(new Argument("existing_ec2_endpoint_id", Hcl.str("vpce-0e000000000000001"))), staging.arguments().toString());
    assertTrue(staging.arguments().stream().noneMatch(a -> a.name().equals("existing_s3_gateway_endpoint_id")), staging.arguments().toString());

    Set<String> none = addresses(new Planner().plan(topology(golden.replace("        existing_staging_endpoints:\n          ec2: vpce-0e000000000000001\n          s3_gateway: vpce-0e000000000000002\n", "")), "x"));
    assertTrue(none.containsAll(Set.of("module.private_staging_dr.aws_vpc_endpoint.ec2[0]", "module.private_staging_dr.aws_vpc_endpoint.s3_gateway[0]")), none.toString());
    assertTrue(none.stream().noneMatch(a -> a.contains("https_to_vpc")), none.toString());
  }

  @Test
  void samTopologyGivesAnEqualPlan() throws IOException {
    String yaml = example("fan-in");
    assertEquals(new Planner().plan(topology(yaml), "x"), new Planner().plan(topology(yaml), "x"));
  }

  @Test
  void oneZonePerNamePerRegionSharedByAllReplications() throws IOException {
    Plan plan = new Planner().plan(topology(example("fan-in")), "x");
    List<String> zones = plan.resources().stream().filter(r -> r.type().equals("aws_route53_zone")).map(PlannedResource::purpose).toList();
    assertEquals(4, zones.size(), zones.toString()); // drs + s3 in Osaka, drs + s3 in Tokyo for failback
    Set<String> associations = plan.resources().stream().filter(r -> r.type().equals("aws_route53_zone_association")).map(PlannedResource::address).collect(Collectors.toSet());
    assertEquals(2 * 3 + 0, associations.stream().filter(a -> a.contains("ap-northeast-3.amazonaws.com")).count(), "web, erp and billing get both Osaka zones");
  }

  @Test
  void failbackZonesStartWithTheRecoveryVpcAndReachOnlyTheHubAmongSources() throws IOException {
    Plan plan = new Planner().plan(topology(example("fan-in")), "x");
    ModuleCall zone = plan.modules().stream().filter(m -> m.label().equals("dns_s3_ap_northeast_1")).findFirst().orElseThrow();
    assertTrue(zone.arguments().contains(new Argument("vpc_id", Hcl.ref("data.aws_vpc.ap_northeast_3[\"recovery\"].id"))), zone.arguments().toString());
    // web hosts the Tokyo endpoints and failback replication servers: it resolves its own endpoints (issue 22).
    assertTrue(plan.modules().stream().anyMatch(m -> m.label().equals("dns_ap_northeast_1_web")), "the hub web resolves its own region's zones");
    assertTrue(plan.modules().stream().noneMatch(m -> m.label().equals("dns_ap_northeast_1_erp")), "erp, a source that hosts nothing, is not associated");
  }

  /** Formerly refused as DRS115: (x, y-z) and (x-y, z) both had the 0.1.0 label peering_x_y_z. */
  private static final String MEETING_LABELS =
      """
      version: 1
      name: labels-meet
      regions:
        - name: ap-northeast-1
          vpcs:
            - { name: x, id: vpc-0a1b2c3d4e5f67890, cidr: 10.10.0.0/16, route_table_ids: [rtb-0123456789abcdef0] }
            - { name: x-y, id: vpc-0a1b2c3d4e5f67891, cidr: 10.11.0.0/16, route_table_ids: [rtb-0123456789abcdef1] }
        - name: ap-northeast-3
          vpcs:
            - name: y-z
              id: vpc-0fedcba9876543210
              cidr: 10.20.0.0/16
              route_table_ids: [rtb-0fedcba9876543210]
              endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
              staging_subnet_id: subnet-0cccccccccccccccc
            - { name: z, id: vpc-0fedcba9876543211, cidr: 10.21.0.0/16, route_table_ids: [rtb-0fedcba9876543211] }
      connectivity:
        - { type: vpc_peering, vpcs: [x, y-z] }
        - { type: vpc_peering, vpcs: [x-y, z] }
      replication:
        - { name: x-to-osaka, sources: [x], target: y-z, failback: false }
      """;

  @Test
  void namesWhose010LabelsMeetAreKeyedApartAndGetNoAmbiguousMove() {
    Plan plan = new Planner().plan(topology(MEETING_LABELS), "x");
    Set<String> peerings = plan.modules().stream().filter(m -> m.label().equals("peering_x_y_z")).map(ModuleCall::address).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        Set.of("module.peerings_ap_northeast_1_to_ap_northeast_3[\"x-y|z\"]", "module.peerings_ap_northeast_1_to_ap_northeast_3[\"x|y-z\"]"), peerings);
    assertTrue(plan.moved().stream().noneMatch(m -> m.from().equals("module.peering_x_y_z")), plan.moved().toString());
    assertEquals(plan, new Planner().plan(topology(MEETING_LABELS), "x"), "the same on every regeneration");
  }

  @Test
  void failbackLandsInEverySourceAccountOfARegion() throws IOException {
    Topology t = topology(Files.readString(Path.of("src/test/resources/golden/failback-accounts/topology.yaml")));
    Plan plan = new Planner().plan(t, "x");
    Set<String> modules = plan.modules().stream().map(ModuleCall::label).collect(Collectors.toSet());
    assertTrue(modules.contains("drs_settings_prod_ap_northeast_1"), modules.toString());
    assertTrue(modules.contains("drs_settings_shared_services_ap_northeast_1"), "shared-services gets its own failback template: " + modules);
    assertTrue(modules.contains("replication_sg_ss_tools"), "shared-services' staging VPC takes TCP 1500 from the recovery VPC");
    assertTrue(modules.contains("dns_ap_northeast_1_app"), "the hub app resolves its own endpoints");
    assertFalse(modules.contains("dns_ap_northeast_1_ss_tools"), "ss-tools, a production VPC that hosts no endpoints, gets no zones");
    assertEquals(2, GuidePlanner.guide(plan, ReplicationModel.of(t)).initializations().stream().filter(i -> i.provider().region().equals("ap-northeast-1")).count(), "initialize-service in both Tokyo accounts");
  }

  @Test
  void addingAnUnrelatedReplicationRenamesNothing() throws IOException {
    String base = example("fan-in");
    String extended =
        base.replace(
                "  - name: ap-northeast-3\n",
                "  - name: eu-west-1\n    vpcs:\n      - name: eu-app\n        id: vpc-0e000000000000001\n        cidr: 10.70.0.0/16\n  - name: ap-northeast-3\n")
            .replace("replication:\n", "replication:\n  - name: eu-to-osaka\n    sources: [eu-app]\n    target: recovery\n")
            .replace("connectivity:\n", "connectivity:\n  - type: existing\n    vpcs: [eu-app, recovery]\n");
    Set<String> before = addresses(new Planner().plan(topology(base), "x"));
    Set<String> after = addresses(new Planner().plan(topology(extended), "x"));
    assertTrue(after.size() > before.size());
    Set<String> lost = new TreeSet<>(before);
    lost.removeAll(after);
    assertEquals(Set.of(), lost, "every address deployed before still exists");
  }

  @Test
  void pinnedEndpointsStayWhenATargetThatSortsFirstIsAdded() throws IOException {
    // tokyo-osaka's Osaka target is dr; a new target "analytics" sorts before it.
    String base = example("tokyo-osaka");
    String extended =
        base.replace(
                "    vpcs:\n      - name: dr\n",
                "    vpcs:\n      - name: analytics\n        id: vpc-0e000000000000002\n        cidr: 10.21.0.0/16\n"
                    + "        endpoint_subnet_ids: [subnet-0e000000000000001, subnet-0e000000000000002]\n"
                    + "        staging_subnet_id: subnet-0e000000000000003\n      - name: dr\n")
            .replace("replication:\n", "replication:\n  - name: app-to-analytics\n    sources: [app]\n    target: analytics\n")
            .replace("connectivity:\n", "connectivity:\n  - type: existing\n    vpcs: [app, analytics]\n");
    assertTrue(extended.contains("name: analytics") && extended.contains("app-to-analytics"), "the example still has the shape this test edits");
    String pin = "  - name: ap-northeast-3\n    endpoints_vpc: dr\n";

    Set<String> before = addresses(new Planner().plan(topology(base), "x"));
    Set<String> unpinned = addresses(new Planner().plan(topology(extended), "x"));
    Set<String> pinned = addresses(new Planner().plan(topology(extended.replace("  - name: ap-northeast-3\n", pin)), "x"));

    assertTrue(before.contains("module.endpoints_dr.aws_vpc_endpoint.drs"));
    assertFalse(unpinned.contains("module.endpoints_dr.aws_vpc_endpoint.drs"), "unpinned, the first target by name takes the endpoints");
    Set<String> lost = new TreeSet<>(before);
    lost.removeAll(pinned);
    assertEquals(Set.of(), lost, "pinned, every address deployed before still exists");
    assertTrue(pinned.contains("module.replication_sg_analytics.aws_security_group.this"), "the new target still gets its own staging group");
  }

  @Test
  void rulesAreNotDuplicatedWhenSourcesShareATarget() throws IOException {
    Plan plan = new Planner().plan(topology(Files.readString(Path.of("src/test/resources/golden/many-replications/topology.yaml"))), "x");
    List<String> all = plan.resources().stream().map(PlannedResource::address).toList();
    assertEquals(all.size(), new TreeSet<>(all).size(), "no address twice");
  }

  @Test
  void crossAccountAssociationsGetAnAuthorizationInTheZoneAccount() throws IOException {
    Plan plan = new Planner().plan(topology(example("cross-account")), "x");
    PlannedResource authorization =
        plan.resources().stream().filter(r -> r.type().equals("aws_route53_vpc_association_authorization")).findFirst().orElseThrow();
    assertEquals("dr", authorization.account());
    PlannedResource association =
        plan.resources().stream().filter(r -> r.address().equals(authorization.address().replace("aws_route53_vpc_association_authorization", "aws_route53_zone_association"))).findFirst().orElseThrow();
    assertEquals("prod", association.account());
  }

  @Test
  void providersAreOnePerAccountAndRegionUsed() throws IOException {
    Plan plan = new Planner().plan(topology(example("cross-account")), "x");
    assertEquals(List.of("dr_eu_north_1", "prod_eu_central_1", "prod_eu_west_1"), plan.providers().stream().map(ProviderConfig::alias).toList());
  }

  // Issue 9, item 2: transit_gateway links between the same two transit gateways.
  static Plan sharedGatewayPair() throws IOException {
    return new Planner().plan(topology(Files.readString(Path.of("src/test/resources/golden/tgw-shared-peering/topology.yaml"))), "x");
  }

  static Map<String, Hcl> arguments(ModuleCall call) {
    return call.arguments().stream().collect(Collectors.toMap(Argument::name, Argument::value));
  }

  static List<String> strings(Hcl list) {
    return ((Hcl.ListOf) list).items().stream().map(item -> ((Hcl.Str) item).value()).toList();
  }

  static final String PAIR = "tgw-0d000000000000001|tgw-0e000000000000001";
  static final String PAIR_MODULE = "module.tgw_peerings_ap_northeast_1_to_ap_northeast_3[\"" + PAIR + "\"]";

  @Test
  void linksBetweenTheSameTwoTransitGatewaysShareOnePeeringKeyedByThePair() throws IOException {
    Plan plan = sharedGatewayPair();
    assertEquals(1, plan.resources().stream().filter(r -> r.type().equals("aws_ec2_transit_gateway_peering_attachment")).count());
    assertEquals(1, plan.resources().stream().filter(r -> r.type().equals("aws_ec2_transit_gateway_peering_attachment_accepter")).count());
    List<ModuleCall> peerings = plan.modules().stream().filter(m -> m.module().equals("tgw-peering")).toList();
    assertEquals(1, peerings.size());
    assertEquals(PAIR_MODULE, peerings.get(0).address(), "keyed by the two gateways, not by a link");
    // The first link in the file, (app, dr), decides the direction: requested from Tokyo.
    assertEquals(Hcl.str("tgw-0d000000000000001"), arguments(peerings.get(0)).get("requester_transit_gateway_id"));
    Map<String, ModuleCall> links = plan.modules().stream().filter(m -> m.module().equals("tgw-peering-routes")).collect(Collectors.toMap(ModuleCall::label, m -> m));
    assertEquals(Set.of("tgw_peering_web_analytics", "tgw_peering_app_dr", "tgw_peering_dr_web"), links.keySet(), "every link has its own routes");
    assertTrue(plan.locals().stream().noneMatch(l -> l.name().equals("tgw_peering_attachments")), "no link looks another's attachment up any more");
  }

  @Test
  void aLinkThatSortsFirstChangesNothingOfThePeering() throws IOException {
    String before = Files.readString(Path.of("src/test/resources/stability/tgw-before.yaml"));
    String after = Files.readString(Path.of("src/test/resources/stability/tgw-after.yaml"));
    ModuleCall peeringBefore = new Planner().plan(topology(before), "x").modules().stream().filter(m -> m.module().equals("tgw-peering")).findFirst().orElseThrow();
    ModuleCall peeringAfter = new Planner().plan(topology(after), "x").modules().stream().filter(m -> m.module().equals("tgw-peering")).findFirst().orElseThrow();
    assertEquals(peeringBefore.address(), peeringAfter.address());
    Map<String, Hcl> was = new java.util.TreeMap<>(arguments(peeringBefore));
    Map<String, Hcl> is = new java.util.TreeMap<>(arguments(peeringAfter));
    // (analytics, app) routes CIDRs the pair's tables already route: nothing of the peering changes.
    assertEquals(was, is);
  }

  @Test
  void oneStaticTgwRoutePerRouteTableAndDestination() throws IOException {
    List<String> routes = new ArrayList<>();
    for (ModuleCall call : sharedGatewayPair().modules()) {
      Map<String, Hcl> args = arguments(call);
      if (call.module().equals("tgw-peering")) {
        strings(args.get("requester_route_cidrs")).forEach(c -> routes.add(((Hcl.Str) args.get("requester_transit_gateway_route_table_id")).value() + "|" + c));
        strings(args.get("accepter_route_cidrs")).forEach(c -> routes.add(((Hcl.Str) args.get("accepter_transit_gateway_route_table_id")).value() + "|" + c));
      }
    }
    assertEquals(routes.size(), new TreeSet<>(routes).size(), () -> "a (TGW route table, CIDR) twice: " + routes);
    assertEquals(
        new TreeSet<>(
            List.of(
                "tgw-rtb-0d000000000000001|10.20.0.0/16", // dr, from Tokyo
                "tgw-rtb-0d000000000000001|10.21.0.0/16", // analytics
                "tgw-rtb-0e000000000000001|10.10.0.0/16", // app, from Osaka
                "tgw-rtb-0e000000000000001|10.11.0.0/16", // web
                "tgw-rtb-0e000000000000001|100.64.0.0/20")),
        new TreeSet<>(routes),
        "every destination is still routed once");
    assertEquals(routes.size(), sharedGatewayPair().resources().stream().filter(r -> r.type().equals("aws_ec2_transit_gateway_route")).count(), "drslink plan lists exactly these");
  }

  @Test
  void vpcRoutesStayPerLink() throws IOException {
    Set<String> vpcRoutes = sharedGatewayPair().resources().stream().filter(r -> r.type().equals("aws_route")).map(PlannedResource::address).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        Set.of(
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"app|dr\"].aws_route.requester_to_accepter[\"rtb-0d000000000000001|10.20.0.0/16\"]",
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"app|dr\"].aws_route.accepter_to_requester[\"rtb-0e000000000000001|10.10.0.0/16\"]",
            "module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"dr|web\"].aws_route.requester_to_accepter[\"rtb-0e000000000000001|10.11.0.0/16\"]",
            "module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"dr|web\"].aws_route.requester_to_accepter[\"rtb-0e000000000000001|100.64.0.0/20\"]",
            "module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"dr|web\"].aws_route.accepter_to_requester[\"rtb-0d000000000000002|10.20.0.0/16\"]",
            "module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"dr|web\"].aws_route.accepter_to_requester[\"rtb-0d000000000000003|10.20.0.0/16\"]",
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].aws_route.requester_to_accepter[\"rtb-0d000000000000002|10.21.0.0/16\"]",
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].aws_route.requester_to_accepter[\"rtb-0d000000000000003|10.21.0.0/16\"]",
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].aws_route.accepter_to_requester[\"rtb-0e000000000000002|10.11.0.0/16\"]",
            "module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].aws_route.accepter_to_requester[\"rtb-0e000000000000002|100.64.0.0/20\"]"),
        vpcRoutes);
  }

  @Test
  void whatTheFirstLinkByNameOwnedMovesToThePairAndItsRoutesToTheLink() throws IOException {
    Set<String> moved = sharedGatewayPair().moved().stream().map(b -> b.from() + " -> " + b.to()).collect(Collectors.toCollection(TreeSet::new));
    String owner = "module.tgw_peerings_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"]";
    assertTrue(moved.contains(owner + ".aws_ec2_transit_gateway_peering_attachment.this -> " + PAIR_MODULE + ".aws_ec2_transit_gateway_peering_attachment.this"), moved::toString);
    assertTrue(moved.contains(owner + ".aws_route.requester_to_accepter -> module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].aws_route.requester_to_accepter"), moved::toString);
    // (app, dr) held the static routes no earlier link had: they become the pair's, each in its own table.
    assertTrue(moved.contains("module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"app|dr\"].aws_ec2_transit_gateway_route.requester_to_accepter[\"10.20.0.0/16\"] -> " + PAIR_MODULE + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"10.20.0.0/16\"]"), moved::toString);
    // (dr, web) held none: both its destinations were routed by earlier links.
    assertTrue(moved.stream().noneMatch(m -> m.startsWith("module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"dr|web\"].aws_ec2")), moved::toString);
    // 0.1.0's module per link, to the address the shared layout gave it.
    assertTrue(moved.contains("module.tgw_peering_web_analytics -> " + owner), moved::toString);
    assertTrue(moved.contains("module.tgw_peering_app_dr -> module.tgw_routes_ap_northeast_1_to_ap_northeast_3[\"app|dr\"]"), moved::toString);
    List<String> targets = sharedGatewayPair().moved().stream().map(MovedBlock::to).toList();
    assertEquals(targets.size(), new TreeSet<>(targets).size(), () -> "Terraform refuses two moves to one address: " + targets);
    List<String> origins = sharedGatewayPair().moved().stream().map(MovedBlock::from).toList();
    assertEquals(origins.size(), new TreeSet<>(origins).size(), () -> "Terraform refuses two moves from one address: " + origins);
  }

  @Test
  void aTransitGatewayPairWithOneLinkMovesIntoThePairAndTheLinkRoutes() throws IOException {
    Plan plan = new Planner().plan(topology(example("transit-gateway")), "x");
    ModuleCall peering = plan.modules().stream().filter(m -> m.module().equals("tgw-peering")).findFirst().orElseThrow();
    ModuleCall routes = plan.modules().stream().filter(m -> m.label().equals("tgw_peering_shop_recovery")).findFirst().orElseThrow();
    assertEquals("tgw-peering-routes", routes.module());
    Set<String> moved = plan.moved().stream().map(b -> b.from() + " -> " + b.to()).collect(Collectors.toCollection(TreeSet::new));
    String before = "module.tgw_peerings_" + routes.address().substring("module.tgw_routes_".length());
    assertTrue(moved.contains("module.tgw_peering_shop_recovery -> " + before), moved::toString);
    assertTrue(moved.contains(before + ".aws_ec2_transit_gateway_peering_attachment.this -> " + peering.address() + ".aws_ec2_transit_gateway_peering_attachment.this"), moved::toString);
    assertTrue(moved.contains(before + ".aws_route.requester_to_accepter -> " + routes.address() + ".aws_route.requester_to_accepter"), moved::toString);
    String p = peering.address() + ".";
    Set<String> peeringResources = peering.resources().stream().map(PlannedResource::address).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(
        new TreeSet<>(
            Set.of(
                p + "aws_ec2_transit_gateway_peering_attachment.this",
                p + "aws_ec2_transit_gateway_peering_attachment_accepter.this",
                p + "aws_ec2_transit_gateway_route.requester_to_accepter[\"10.40.0.0/16\"]",
                p + "aws_ec2_transit_gateway_route.accepter_to_requester[\"10.30.0.0/16\"]",
                p + "aws_ec2_transit_gateway_route.accepter_to_requester[\"100.64.0.0/20\"]",
                p + "aws_ec2_transit_gateway_route_table_association.requester[0]",
                p + "aws_ec2_transit_gateway_route_table_association.accepter[0]")),
        peeringResources);
    assertEquals(new Hcl.Bool(true), arguments(peering).get("requester_associate_peering_attachment"));
    assertEquals(new Hcl.Bool(true), arguments(peering).get("accepter_associate_peering_attachment"));
  }

  /**
   * The labels the derived model gives each region's modules are the planner's, on every golden topology, and no
   * two regional modules share one (the check the retired label rule made, now over the model's labels).
   */
  @Test
  void regionalModuleLabelsAreTheModelsAndUnique() throws IOException {
    List<Path> roots = new ArrayList<>();
    for (Path root : List.of(Path.of("examples"), Path.of("src/test/resources/golden"))) {
      try (var dirs = Files.list(root)) {
        dirs.filter(d -> Files.isRegularFile(d.resolve("topology.yaml"))).sorted().forEach(roots::add);
      }
    }
    assertTrue(roots.size() > 10, roots::toString);
    for (Path dir : roots) {
      Topology t = topology(Files.readString(dir.resolve("topology.yaml")));
      ReplicationModel model = ReplicationModel.of(t);
      List<String> planned =
          new Planner().plan(model, "x").sections().stream()
              .filter(s -> s.title().endsWith(": DRS endpoints, replication security groups and private DNS"))
              .flatMap(s -> s.modules().stream())
              .map(ModuleCall::label)
              .sorted()
              .toList();
      assertFalse(planned.isEmpty(), dir::toString);
      assertEquals(planned.size(), new TreeSet<>(planned).size(), () -> dir + ": a label twice in " + planned);
      assertEquals(model.labels(), planned, dir::toString);
    }
  }
}
