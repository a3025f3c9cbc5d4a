package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.parse.TopologyReader;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import drslink.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The path and preflight logic on recorded answers for examples/tokyo-osaka: each break gives its exact finding. */
class LiveChecksTest {
  static Topology tokyoOsaka() throws IOException {
    return example("tokyo-osaka");
  }

  static Topology example(String name) throws IOException {
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(YamlLimits.DEFAULT)
            .read("topology.yaml", Files.readString(Path.of("examples/" + name + "/topology.yaml")), d)
            .flatMap(root -> new TopologyReader(d).read("topology.yaml", root))
            .orElseThrow();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  private static List<String> lines(Findings f) {
    return f.sorted().stream().map(Finding::format).toList();
  }

  /** tokyo-osaka with staging_private on dr (line 26) and, when given, existing_staging_endpoints under it. */
  static Topology tokyoOsakaPrivateStaging(String existing) throws IOException {
    String yaml =
        Files.readString(Path.of("examples/tokyo-osaka/topology.yaml"))
            .replace("        staging_subnet_id: subnet-0cccccccccccccccc\n", "        staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: true\n" + existing);
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(YamlLimits.DEFAULT).read("topology.yaml", yaml, d).flatMap(root -> new TopologyReader(d).read("topology.yaml", root)).orElseThrow();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  static final String TEAM_EC2 = "vpce-0ec20000000000001";
  static final String TEAM_S3 = "vpce-05300000000000002";

  /** Another team's EC2 private-DNS interface endpoint in dr, and its S3 gateway endpoint routing dr's route table. */
  static RecordedCloud withTeamStagingEndpoints() {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.endpoints.add(new Cloud.Endpoint(TEAM_EC2, RecordedCloud.DR, "com.amazonaws.ap-northeast-3.ec2", "Interface", "available", List.of("subnet-0aaaaaaaaaaaaaaaa"), List.of("sg-0team000000000001"), true, List.of(), java.util.Map.of()));
    c.endpoints.add(new Cloud.Endpoint(TEAM_S3, RecordedCloud.DR, "com.amazonaws.ap-northeast-3.s3", "Gateway", "available", List.of(), List.of(), false, List.of(), java.util.Map.of()));
    Cloud.RouteTable dr = c.routeTables.stream().filter(t -> t.id().equals(RecordedCloud.DR_RTB)).findFirst().orElseThrow();
    List<Cloud.Route> routes = new java.util.ArrayList<>(dr.routes());
    routes.add(new Cloud.Route(null, TEAM_S3, "active", "pl-61a54008"));
    c.routeTables.set(c.routeTables.indexOf(dr), new Cloud.RouteTable(dr.id(), dr.vpcId(), dr.main(), dr.subnetIds(), routes));
    return c;
  }

  private static List<String> pre014(Findings f) {
    return lines(f).stream().filter(l -> l.contains("PRE014")).toList();
  }

  /**
   * staging_private next to endpoints the topology does not name: AWS would refuse drslink's second EC2 private-DNS
   * endpoint ("conflicting DNS domain", hashicorp/terraform-provider-aws#17535) and its S3 gateway on the same route
   * table (vpc/latest/privatelink/gateway-endpoints.html), so each is an error with the line to add.
   */
  @Test
  void preflightFindsStagingEndpointsTheTopologyDoesNotName() throws IOException {
    assertEquals(
        List.of(
            "topology.yaml:26:26: error: PRE014 " + TEAM_S3 + ": route table(s) " + RecordedCloud.DR_RTB + " of VPC dr already route to S3 through gateway endpoint " + TEAM_S3 + "; a route table takes one route to S3's prefix list, so apply would fail"
                + " (hint: name it: existing_staging_endpoints: { s3_gateway: " + TEAM_S3 + " } on VPC dr)",
            "topology.yaml:26:26: error: PRE014 " + TEAM_EC2 + ": VPC dr already has EC2 interface endpoint " + TEAM_EC2 + " with private DNS; AWS refuses drslink's second one (conflicting DNS domain), so apply would fail"
                + " (hint: name it: existing_staging_endpoints: { ec2: " + TEAM_EC2 + " } on VPC dr)"),
        pre014(LiveRun.preflight(tokyoOsakaPrivateStaging(""), withTeamStagingEndpoints())));
    // Named, they are what drslink reuses: nothing in the way.
    assertEquals(
        List.of(),
        pre014(LiveRun.preflight(tokyoOsakaPrivateStaging("        existing_staging_endpoints: { ec2: " + TEAM_EC2 + ", s3_gateway: " + TEAM_S3 + " }\n"), withTeamStagingEndpoints())));
    // Without such endpoints, staging_private is clear.
    assertEquals(List.of(), pre014(LiveRun.preflight(tokyoOsakaPrivateStaging(""), RecordedCloud.beforeApply())));
  }

  /** A named endpoint must exist in the VPC, be of its service and type, and (a gateway) route every staging route table. */
  @Test
  void preflightRefusesANamedStagingEndpointThatIsNotThatEndpoint() throws IOException {
    Topology swapped = tokyoOsakaPrivateStaging("        existing_staging_endpoints:\n          ec2: " + TEAM_S3 + "\n          s3_gateway: vpce-0ffffffffffffffff\n");
    assertEquals(
        List.of(
            "topology.yaml:26:26: error: PRE014 " + TEAM_S3 + ": route table(s) " + RecordedCloud.DR_RTB + " of VPC dr already route to S3 through gateway endpoint " + TEAM_S3 + "; a route table takes one route to S3's prefix list, so apply would fail"
                + " (hint: name it: existing_staging_endpoints: { s3_gateway: " + TEAM_S3 + " } on VPC dr)",
            "topology.yaml:26:26: error: PRE014 " + TEAM_EC2 + ": VPC dr already has EC2 interface endpoint " + TEAM_EC2 + " with private DNS; AWS refuses drslink's second one (conflicting DNS domain), so apply would fail"
                + " (hint: name it: existing_staging_endpoints: { ec2: " + TEAM_EC2 + " } on VPC dr)",
            "topology.yaml:28:16: error: PRE014 " + TEAM_S3 + ": existing_staging_endpoints names " + TEAM_S3 + ", which is a Gateway endpoint for com.amazonaws.ap-northeast-3.s3, not an EC2 interface endpoint with private DNS (com.amazonaws.ap-northeast-3.ec2)"
                + " (hint: name an EC2 interface endpoint with private DNS of dr, or remove the key so that drslink creates one)",
            "topology.yaml:29:23: error: PRE014 vpce-0ffffffffffffffff: existing_staging_endpoints names vpce-0ffffffffffffffff, which is not an endpoint of VPC dr (" + RecordedCloud.DR + ")"
                + " (hint: name an S3 gateway endpoint of dr on all its route_table_ids, or remove the key so that drslink creates one)"),
        pre014(LiveRun.preflight(swapped, withTeamStagingEndpoints())));
    // The gateway exists but no longer routes dr's table.
    RecordedCloud unrouted = RecordedCloud.beforeApply();
    unrouted.endpoints.add(new Cloud.Endpoint(TEAM_S3, RecordedCloud.DR, "com.amazonaws.ap-northeast-3.s3", "Gateway", "available", List.of(), List.of(), false, List.of(), java.util.Map.of()));
    assertEquals(
        List.of(
            "topology.yaml:27:51: error: PRE014 " + TEAM_S3 + ": existing_staging_endpoints names " + TEAM_S3 + ", which does not route " + RecordedCloud.DR_RTB + " to S3"
                + " (hint: name an S3 gateway endpoint of dr on all its route_table_ids, or remove the key so that drslink creates one)"),
        pre014(LiveRun.preflight(tokyoOsakaPrivateStaging("        existing_staging_endpoints: { s3_gateway: " + TEAM_S3 + " }\n"), unrouted)));
  }

  @Test
  void appliedTopologyVerifiesClean() throws IOException {
    Findings f = LiveRun.verify(tokyoOsaka(), RecordedCloud.afterApply());
    assertEquals(List.of(), lines(f));
    assertTrue(f.passedTotal() > 20, "checks held: " + f.passedTotal());
  }

  @Test
  void missingZoneAssociationIsNamedAtTheSourceVpc() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.zones.get(RecordedCloud.APP).removeIf(z -> z.name().startsWith("drs."));
    assertEquals(
        List.of("topology.yaml:15:13: error: VER001 vpc-0a1b2c3d4e5f67890: VPC app is not associated with a private zone drs.ap-northeast-3.amazonaws.com (replication app-to-osaka, app -> ap-northeast-3): agents there resolve the public address"
            + " (hint: apply the generated root (module.dns_ap_northeast_3_app), or associate the zone with the VPC)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  @Test
  void wildcardAliasIsRequired() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.records.get(RecordedCloud.S3_ZONE).removeIf(r -> r.name().startsWith("\\052"));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("VER002 Z0S30000000000000002: zone s3.ap-northeast-3.amazonaws.com (Z0S30000000000000002) has no alias A record *.s3.ap-northeast-3.amazonaws.com"), found.get(0));
  }

  /** AWS allows two interface endpoints of one service in a VPC; the zones alias drslink's, whichever is listed first. */
  @Test
  void aliasToAnyInterfaceEndpointOfTheServiceHolds() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.endpoints.add(0, new Cloud.Endpoint("vpce-0e0e0e0e0e0e0e0e0", RecordedCloud.DR, "com.amazonaws.ap-northeast-3.s3", "Interface", "available",
        List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"), List.of(), false, List.of("*.vpce-0e0e0e0e0e0e0e0e0-qrstuvwx.s3.ap-northeast-3.vpce.amazonaws.com"), java.util.Map.of()));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));

    c.endpoints.removeIf(e -> e.id().equals("vpce-05050505050505050"));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.stream().anyMatch(l -> l.contains("VER002") && l.contains("not at endpoint vpce-0e0e0e0e0e0e0e0e0")), found::toString);
  }

  @Test
  void revoked1500RuleIsFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.groups.replaceAll(g -> g.id().equals(RecordedCloud.REPLICATION_SG) ? new Cloud.SecurityGroup(g.id(), g.vpcId(), g.name(), g.tags(), List.of()) : g);
    assertEquals(
        List.of("topology.yaml:15:13: error: VER007 sg-0aa11bb22cc33dd44: replication security group sg-0aa11bb22cc33dd44 does not admit TCP 1500 from app 10.10.0.0/16 (replication app-to-osaka) (hint: apply the generated root to restore the 1500 rule)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  @Test
  void deletedRouteIsAnErrorOnAListedTableAndAWarningOnAnUnlistedOne() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.routeTables.replaceAll(t -> t.id().equals(RecordedCloud.APP_RTB) ? new Cloud.RouteTable(t.id(), t.vpcId(), false, t.subnetIds(), t.routes().subList(0, 1)) : t);
    // A second app subnet that the main table routes, which the YAML does not list.
    c.subnets.add(new Cloud.SubnetInfo("subnet-0app0000000000002", RecordedCloud.APP, "10.10.1.0/24", "ap-northeast-1c"));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.contains("topology.yaml:17:27: error: VER004 rtb-0123456789abcdef0: route table rtb-0123456789abcdef0 of VPC app has no route to staging subnet subnet-0cccccccccccccccc (10.20.2.0/24) (replication app-to-osaka) (hint: apply the generated root to restore the route)"), found::toString);
    assertTrue(found.stream().anyMatch(l -> l.startsWith("topology.yaml:15:13: warning: VER004 rtb-0main0app00000001: ") && l.contains("the table is not in route_table_ids")), found::toString);
  }

  @Test
  void blackholeRouteIsNotAPath() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.routeTables.replaceAll(t -> t.id().equals(RecordedCloud.DR_RTB) ? new Cloud.RouteTable(t.id(), t.vpcId(), true, t.subnetIds(), List.of(t.routes().get(0), new Cloud.Route("10.10.0.0/16", RecordedCloud.PCX, "blackhole"), t.routes().get(2))) : t);
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertFalse(found.isEmpty());
    assertTrue(found.stream().allMatch(l -> l.contains("error: VER004 rtb-0fedcba9876543210") && l.contains("(blackhole), not over a private link")), found::toString);
  }

  @Test
  void naclDenyOn1500InFrontOfTheStagingSubnetIsFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.acls.replaceAll(a -> {
      if (!a.vpcId().equals(RecordedCloud.DR)) {
        return a;
      }
      List<Cloud.AclEntry> entries = new java.util.ArrayList<>(a.entries());
      entries.add(new Cloud.AclEntry(50, false, "6", 1500, 1500, "0.0.0.0/0", false));
      return new Cloud.NetworkAcl(a.id(), a.vpcId(), true, a.subnetIds(), entries);
    });
    assertEquals(
        List.of("topology.yaml:25:28: error: VER008 acl-0fedcba9876543210: network ACL acl-0fedcba9876543210 of VPC dr blocks inbound TCP 1500 from app 10.10.0.0/16 to subnet subnet-0cccccccccccccccc: rule 50 (deny tcp 1500-1500 0.0.0.0/0) (replication app-to-osaka)"
            + " (hint: allow it with a lower-numbered rule, or remove the deny (aws ec2 delete-network-acl-entry --network-acl-id acl-0fedcba9876543210 --rule-number 50 --ingress))"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  @Test
  void templateWithPublicRoutingIsFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.drs.put("ap-northeast-3", new Cloud.DrsState(true, List.of(new Cloud.DrsTemplate("rct-0123456789abcdefg", RecordedCloud.STAGING, List.of("sg-0ffffffffffffffff"), "PUBLIC_IP", true, java.util.Map.of()))));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("error: VER009 rct-0123456789abcdefg: DRS template rct-0123456789abcdefg in ap-northeast-3 has security groups [sg-0ffffffffffffffff] without drslink's sg-0aa11bb22cc33dd44; data plane routing PUBLIC_IP instead of PRIVATE_IP; public IPs on replication servers"), found.get(0));
  }

  @Test
  void sourceServerKeepingPublicRoutingIsFoundWhileTheTemplateIsRight() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    int passedBefore = LiveRun.verify(tokyoOsaka(), c).passedTotal();
    c.sourceServers.put(
        "ap-northeast-3",
        List.of(
            new Cloud.SourceServer("s-0123456789abcdef0", "app-1", List.of(), RecordedCloud.STAGING, List.of(RecordedCloud.REPLICATION_SG), "PRIVATE_IP", false),
            new Cloud.SourceServer("s-0123456789abcdef1", "app-2", List.of(), "subnet-0eeeeeeeeeeeeeeee", List.of(RecordedCloud.REPLICATION_SG), "PUBLIC_IP", true)));
    Findings f = LiveRun.verify(tokyoOsaka(), c);
    List<String> found = lines(f);
    assertEquals(1, found.size(), found::toString);
    assertTrue(
        found.get(0).contains(
            "error: VER017 s-0123456789abcdef1: source server s-0123456789abcdef1 (app-2) in ap-northeast-3 replicates with staging subnet subnet-0eeeeeeeeeeeeeeee instead of "
                + RecordedCloud.STAGING + "; data plane routing PUBLIC_IP instead of PRIVATE_IP; public IPs on replication servers: it keeps its own settings, not the template's"),
        found.get(0));
    assertTrue(found.get(0).contains("aws drs update-replication-configuration --region ap-northeast-3 --source-server-id s-0123456789abcdef1 --data-plane-routing PRIVATE_IP --no-create-public-ip"), found.get(0));
    assertEquals(passedBefore + 1, f.passedTotal(), "the conforming server is one more check that holds");
  }

  @Test
  void unreadableSourceServersAreSaidAndTheRestStillChecked() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.failing.put("sourceServers", new Cloud.Unreadable("permission: drs:DescribeSourceServers denied (AccessDeniedException) (drs DescribeSourceServers in ap-northeast-3 at http://127.0.0.1:1)", null));
    Findings f = LiveRun.verify(tokyoOsaka(), c);
    assertEquals(List.of("permission: drs:DescribeSourceServers denied (AccessDeniedException) (drs DescribeSourceServers in ap-northeast-3 at http://127.0.0.1:1)"), f.unreadable());
    assertTrue(f.passedTotal() > 10, "the other checks ran");
  }

  @Test
  void recoveryOutsideTheTargetVpcIsAWarningWithTheCommand() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    // app-1 (10.10.1.5, in app) has DRS's own template, which names no subnet; db (192.0.2.7) is no source of this topology.
    c.sourceServers.put(
        "ap-northeast-3",
        List.of(
            new Cloud.SourceServer("s-0123456789abcdef0", "app-1", List.of("10.10.1.5"), RecordedCloud.STAGING, List.of(RecordedCloud.REPLICATION_SG), "PRIVATE_IP", false),
            new Cloud.SourceServer("s-0123456789abcdef2", "db", List.of("192.0.2.7"), RecordedCloud.STAGING, List.of(RecordedCloud.REPLICATION_SG), "PRIVATE_IP", false)));
    c.launchSettings.put("s-0123456789abcdef0", new Cloud.LaunchSettings("lt-0123456789abcdef0", null, List.of()));
    c.launchSettings.put("s-0123456789abcdef2", new Cloud.LaunchSettings("lt-0123456789abcdef2", null, List.of()));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("warning: VER018 s-0123456789abcdef0: source server s-0123456789abcdef0 (app-1) of replication app-to-osaka would recover with no subnet, so DRS uses the default subnet, not one of dr"), found.get(0));
    assertTrue(found.get(0).contains("aws ec2 create-launch-template-version --region ap-northeast-3 --launch-template-id lt-0123456789abcdef0 --source-version '$Default' --launch-template-data '{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"<a subnet of dr>\"}]}'"), found.get(0));
    // A subnet of dr: nothing to say.
    c.launchSettings.put("s-0123456789abcdef0", new Cloud.LaunchSettings("lt-0123456789abcdef0", RecordedCloud.STAGING, List.of()));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** examples/tokyo-osaka plus a datacenter that forwards the names to a Resolver inbound endpoint in dr. */
  static Topology tokyoOsakaWithResolver() throws IOException {
    String yaml =
        Files.readString(Path.of("examples/tokyo-osaka/topology.yaml"))
            .replace("connectivity:\n", "on_premises:\n  - name: dc\n    cidrs: [192.168.0.0/17]\n    dns: resolver_inbound\n\nconnectivity:\n  - type: existing\n    vpcs: [dc, dr]\n")
            .replace("    sources: [app]\n", "    sources: [app, dc]\n");
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(YamlLimits.DEFAULT).read("topology.yaml", yaml, d).flatMap(root -> new TopologyReader(d).read("topology.yaml", root)).orElseThrow();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  private static List<String> resolverLines(Findings f) {
    return lines(f).stream().filter(l -> l.contains("VER019")).toList();
  }

  @Test
  void inboundResolverEndpointMustAnswerTheDatacenter() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    // Missing: the forwarders get no answer.
    List<String> missing = resolverLines(LiveRun.verify(tokyoOsakaWithResolver(), c));
    assertEquals(1, missing.size(), missing::toString);
    assertTrue(missing.get(0).contains("error: VER019 " + RecordedCloud.DR + ": no Route 53 Resolver inbound endpoint tokyo-osaka-dr-resolver-inbound in VPC dr: the datacenters' DNS servers (192.168.0.0/17) forward"), missing.get(0));
    assertTrue(missing.get(0).contains("(hint: apply the generated root (module.resolver_inbound_dr))"), missing.get(0));

    // Present, but still creating, one subnet without an address, and its group admits only TCP 53.
    c.groups.add(new Cloud.SecurityGroup("sg-0123456789abcdef9", RecordedCloud.DR, "drslink-tokyo-osaka-dr-resolver-inbound", java.util.Map.of(), new java.util.ArrayList<>(List.of(new Cloud.Permission("tcp", 53, 53, "192.168.0.0/17")))));
    c.resolverEndpoints.put(
        RecordedCloud.DR,
        List.of(
            new Cloud.ResolverEndpoint("rslvr-in-0123456789abcdef0", "a-team-s-own", "OPERATIONAL", List.of("sg-0123456789abcdef9"), List.of()),
            new Cloud.ResolverEndpoint(
                "rslvr-in-0123456789abcdef1", "tokyo-osaka-dr-resolver-inbound", "CREATING", List.of("sg-0123456789abcdef9"),
                List.of(new Cloud.ResolverIp("subnet-0aaaaaaaaaaaaaaaa", "10.20.1.10", "ATTACHED")))));
    List<String> broken = resolverLines(LiveRun.verify(tokyoOsakaWithResolver(), c));
    assertEquals(
        List.of(
            "topology.yaml:21:13: error: VER019 rslvr-in-0123456789abcdef1: Route 53 Resolver inbound endpoint rslvr-in-0123456789abcdef1 in VPC dr has status CREATING, not OPERATIONAL; no attached address in subnet subnet-0bbbbbbbbbbbbbbbb; no UDP 53 from 192.168.0.0/17 (hint: apply the generated root (module.resolver_inbound_dr))"),
        broken);

    // Healthy: operational, an address in each endpoint subnet, TCP and UDP 53 from the datacenter.
    c.groups.removeIf(g -> g.id().equals("sg-0123456789abcdef9"));
    c.groups.add(new Cloud.SecurityGroup("sg-0123456789abcdef9", RecordedCloud.DR, "drslink-tokyo-osaka-dr-resolver-inbound", java.util.Map.of(), List.of(new Cloud.Permission("tcp", 53, 53, "192.168.0.0/17"), new Cloud.Permission("udp", 53, 53, "192.168.0.0/17"))));
    c.resolverEndpoints.put(
        RecordedCloud.DR,
        List.of(
            new Cloud.ResolverEndpoint(
                "rslvr-in-0123456789abcdef1", "tokyo-osaka-dr-resolver-inbound", "OPERATIONAL", List.of("sg-0123456789abcdef9"),
                List.of(new Cloud.ResolverIp("subnet-0aaaaaaaaaaaaaaaa", "10.20.1.10", "ATTACHED"), new Cloud.ResolverIp("subnet-0bbbbbbbbbbbbbbbb", "10.20.2.10", "ATTACHED")))));
    assertEquals(List.of(), resolverLines(LiveRun.verify(tokyoOsakaWithResolver(), c)));
  }

  @Test
  void cleanAccountPassesPreflight() throws IOException {
    Findings f = LiveRun.preflight(tokyoOsaka(), RecordedCloud.beforeApply());
    assertEquals(List.of(), lines(f));
    assertTrue(f.passedTotal() > 10);
  }

  @Test
  void preflightNamesConflictingZoneUninitializedDrsAndSharedZone() throws IOException {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.zones.put(RecordedCloud.APP, List.of(new Cloud.ZoneRef("Z0OTHER", "s3.ap-northeast-3.amazonaws.com.", "210987654321")));
    c.drs.clear();
    c.subnets.replaceAll(s -> s.id().equals("subnet-0bbbbbbbbbbbbbbbb") ? new Cloud.SubnetInfo(s.id(), s.vpcId(), s.cidr(), "ap-northeast-3a") : s);
    List<String> found = lines(LiveRun.preflight(tokyoOsaka(), c));
    assertEquals(
        List.of(
            "topology.yaml:15:13: error: PRE008 Z0OTHER: VPC app (vpc-0a1b2c3d4e5f67890) is already associated with private zone s3.ap-northeast-3.amazonaws.com (Z0OTHER, account 210987654321); Route 53 will refuse drslink's zone with ConflictingDomainExists"
                + " (hint: disassociate that zone from the VPC (aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id Z0OTHER --vpc VPCRegion=ap-northeast-1,VPCId=vpc-0a1b2c3d4e5f67890) or delete it)",
            "topology.yaml:24:57: error: PRE005 subnet-0bbbbbbbbbbbbbbbb: endpoint subnets subnet-0aaaaaaaaaaaaaaaa and subnet-0bbbbbbbbbbbbbbbb are both in ap-northeast-3a; an interface endpoint takes one subnet per Availability Zone (hint: pick endpoint subnets in distinct Availability Zones)",
            "topology.yaml:32:5: error: PRE010 drs: DRS is not initialized in ap-northeast-3 (hint: run `aws drs initialize-service --region ap-northeast-3` with the pipeline's credentials)"),
        found);
  }

  @Test
  void existingTemplateIsReportedWithTheLineToAdd() throws IOException {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.drs.put("ap-northeast-3", new Cloud.DrsState(true, List.of(new Cloud.DrsTemplate("rct-0console00000000a", "subnet-x", List.of(), "PUBLIC_IP", true, java.util.Map.of()))));
    List<String> found = lines(LiveRun.preflight(tokyoOsaka(), c));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("error: PRE011 rct-0console00000000a: ") && found.get(0).endsWith("(hint: add `existing_template_id: rct-0console00000000a` under the settings of replication app-to-osaka to adopt it)"), found.get(0));
  }

  @Test
  void missingVpcAndForeignRouteTableAreFound() throws IOException {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.vpcs.remove(RecordedCloud.APP);
    c.routeTables.replaceAll(t -> t.id().equals(RecordedCloud.DR_RTB) ? new Cloud.RouteTable(t.id(), "vpc-0somewhereelse000", t.main(), t.subnetIds(), t.routes()) : t);
    List<String> found = lines(LiveRun.preflight(tokyoOsaka(), c));
    assertTrue(found.contains("topology.yaml:15:13: error: PRE001 vpc-0a1b2c3d4e5f67890: VPC app does not exist in ap-northeast-1 (hint: fix the id, the region or the account (role_arn) of this VPC)"), found::toString);
    assertTrue(found.stream().anyMatch(l -> l.startsWith("topology.yaml:23:27: error: PRE007 rtb-0fedcba9876543210: route table rtb-0fedcba9876543210 belongs to vpc-0somewhereelse000")), found::toString);
  }

  /** The VPC's CIDR blocks and DNS attributes as AWS shows them; a subnet missing, and one of another VPC. */
  @Test
  void preflightNamesWrongCidrDnsHostnamesOffAndSubnetsNotInTheVpc() throws IOException {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.vpcs.put(RecordedCloud.DR, new Cloud.VpcInfo(RecordedCloud.DR, List.of("10.21.0.0/16"), true, false, null));
    c.subnets.removeIf(s -> s.id().equals("subnet-0bbbbbbbbbbbbbbbb"));
    c.subnets.replaceAll(s -> s.id().equals(RecordedCloud.STAGING) ? new Cloud.SubnetInfo(s.id(), RecordedCloud.APP, s.cidr(), s.availabilityZone()) : s);
    assertEquals(
        List.of(
            "topology.yaml:21:13: error: PRE003 vpc-0fedcba9876543210: VPC dr has enableDnsSupport=true and enableDnsHostnames=false; private zones need both on"
                + " (hint: aws ec2 modify-vpc-attribute --vpc-id vpc-0fedcba9876543210 --enable-dns-support / --enable-dns-hostnames (one per call))",
            "topology.yaml:22:15: error: PRE002 vpc-0fedcba9876543210: VPC dr has no CIDR block 10.20.0.0/16 (it has 10.21.0.0/16) (hint: write the VPC's CIDR blocks as AWS shows them)",
            "topology.yaml:24:57: error: PRE004 subnet-0bbbbbbbbbbbbbbbb: subnet subnet-0bbbbbbbbbbbbbbbb does not exist in ap-northeast-3 (hint: fix the subnet id)",
            "topology.yaml:25:28: error: PRE004 subnet-0cccccccccccccccc: subnet subnet-0cccccccccccccccc is in vpc-0a1b2c3d4e5f67890, not in VPC dr (vpc-0fedcba9876543210) (hint: name subnets of this VPC only)"),
        lines(LiveRun.preflight(tokyoOsaka(), c)));
  }

  /**
   * A zone where the DRS endpoint service is not offered, a team's S3 endpoint with private DNS in app (and a DRS one
   * being deleted, which no longer counts), and
   * peerings: 50 live plus drslink's one is above the default quota (a warning), 125 plus one above the
   * maximum (an error) (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-connection-quotas.html).
   */
  @Test
  void preflightNamesAnUnofferedZoneAPrivateDnsEndpointAndThePeeringQuota() throws IOException {
    RecordedCloud c = RecordedCloud.beforeApply();
    c.serviceZones.put("com.amazonaws.ap-northeast-3.drs", java.util.Set.of("ap-northeast-3a", "ap-northeast-3c"));
    c.endpoints.add(new Cloud.Endpoint("vpce-0team000000000000", RecordedCloud.APP, "com.amazonaws.ap-northeast-3.s3", "Interface", "available", List.of(), List.of(), true, List.of(), java.util.Map.of()));
    // Being deleted: it no longer holds the names, so no PRE009 for it (Cloud.Endpoint#gone).
    c.endpoints.add(new Cloud.Endpoint("vpce-0gone000000000000", RecordedCloud.APP, "com.amazonaws.ap-northeast-3.drs", "Interface", "Deleting", List.of(), List.of(), true, List.of(), java.util.Map.of()));
    c.peerings = 50;
    String pre009 = "topology.yaml:15:13: error: PRE009 vpce-0team000000000000: VPC app has interface endpoint vpce-0team000000000000 for com.amazonaws.ap-northeast-3.s3 with private DNS on; it answers for the same names as drslink's zone"
        + " (hint: turn private DNS off on it (aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0team000000000000 --no-private-dns-enabled) or delete it)";
    String pre006 = "topology.yaml:24:57: error: PRE006 subnet-0bbbbbbbbbbbbbbbb: com.amazonaws.ap-northeast-3.drs is not offered in ap-northeast-3b (subnet subnet-0bbbbbbbbbbbbbbbb)"
        + " (hint: aws ec2 describe-vpc-endpoint-services --service-names com.amazonaws.ap-northeast-3.drs lists the zones; choose a subnet in one of them)";
    assertEquals(
        List.of(
            pre009,
            "topology.yaml:15:13: warning: PRE012 vpc-0a1b2c3d4e5f67890: VPC app has 50 peering(s) and the topology adds 1: 51 is above the default quota of 50 per VPC"
                + " (hint: request an increase of \"Active VPC peering connections per VPC\" in Service Quotas before apply)",
            "topology.yaml:21:13: warning: PRE012 vpc-0fedcba9876543210: VPC dr has 50 peering(s) and the topology adds 1: 51 is above the default quota of 50 per VPC"
                + " (hint: request an increase of \"Active VPC peering connections per VPC\" in Service Quotas before apply)",
            pre006),
        lines(LiveRun.preflight(tokyoOsaka(), c)));
    c.peerings = 125;
    assertEquals(
        List.of(
            pre009,
            "topology.yaml:15:13: error: PRE012 vpc-0a1b2c3d4e5f67890: VPC app has 125 peering(s) and the topology adds 1: 126 is above the maximum of 125 per VPC (hint: use a transit_gateway link for some of them)",
            "topology.yaml:21:13: error: PRE012 vpc-0fedcba9876543210: VPC dr has 125 peering(s) and the topology adds 1: 126 is above the maximum of 125 per VPC (hint: use a transit_gateway link for some of them)",
            pre006),
        lines(LiveRun.preflight(tokyoOsaka(), c)));
  }

  /** drslink's S3 endpoint gone, its DRS endpoint not available and out of one endpoint subnet: one line each. */
  @Test
  void missingUnavailableAndShrunkEndpointsAreFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.endpoints.removeIf(e -> e.serviceName().endsWith(".s3"));
    c.endpoints.replaceAll(e -> new Cloud.Endpoint(e.id(), e.vpcId(), e.serviceName(), e.type(), "pendingAcceptance", List.of("subnet-0aaaaaaaaaaaaaaaa"), e.securityGroupIds(), e.privateDns(), e.dnsNames(), e.tags()));
    assertEquals(
        List.of(
            "topology.yaml:21:13: error: VER003 vpc-0fedcba9876543210: no interface endpoint for com.amazonaws.ap-northeast-3.s3 in VPC dr (hint: apply the generated root (module.endpoints_dr))",
            "topology.yaml:21:13: error: VER003 vpce-0d0d0d0d0d0d0d0d0: endpoint vpce-0d0d0d0d0d0d0d0d0 for com.amazonaws.ap-northeast-3.drs is pendingAcceptance, not available (hint: wait for it, or look at the endpoint in the VPC console)",
            "topology.yaml:24:57: error: VER003 vpce-0d0d0d0d0d0d0d0d0: endpoint vpce-0d0d0d0d0d0d0d0d0 for com.amazonaws.ap-northeast-3.drs has no network interface in subnet subnet-0bbbbbbbbbbbbbbbb"
                + " (hint: apply the generated root; the endpoint's subnets were changed outside it)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** After apply: a source VPC deleted, the staging subnet deleted, DRS not initialized (a region reset by hand). */
  @Test
  void missingVpcSubnetAndUninitializedDrsAreFoundAfterApply() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.vpcs.remove(RecordedCloud.APP);
    c.drs.put("ap-northeast-3", new Cloud.DrsState(false, List.of()));
    assertEquals(
        List.of(
            "topology.yaml:15:13: error: VER010 vpc-0a1b2c3d4e5f67890: VPC app does not exist in ap-northeast-1 (hint: fix the id or run `drslink preflight` first)",
            "topology.yaml:36:7: error: VER011 drs: DRS is not initialized in ap-northeast-3 (hint: run `aws drs initialize-service --region ap-northeast-3`, then apply)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
    c = RecordedCloud.afterApply();
    c.subnets.removeIf(s -> s.id().equals(RecordedCloud.STAGING));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.contains("topology.yaml:25:28: error: VER010 subnet-0cccccccccccccccc: subnet subnet-0cccccccccccccccc of VPC dr does not exist (hint: fix the subnet id)"), found::toString);
  }

  /** Issue 21: the failback zones of examples/cross-account are the dr account's; the prod account may not read them. */
  @Test
  void zonesAreReadWithTheirOwnersAccount() throws IOException {
    RecordedCloud c = RecordedCloud.crossAccount();
    LiveRun.verify(example("cross-account"), c);
    List<String> records = c.reads.stream().filter(r -> r.startsWith("records ")).toList();
    assertTrue(records.stream().anyMatch(r -> r.endsWith("Z0CENTRALDRS")), records::toString);
    assertTrue(records.stream().allMatch(r -> r.contains("(account dr)")), records::toString);
  }

  /** drslink's replication group is the one the model names (<topology>-<vpc>-replication), not any *-replication group of the topology. */
  @Test
  void replicationGroupIsFoundByTheNameTheModelGives() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    Cloud.SecurityGroup ours = c.groups.stream().filter(g -> g.id().equals(RecordedCloud.REPLICATION_SG)).findFirst().orElseThrow();
    c.groups.remove(ours);
    c.groups.add(new Cloud.SecurityGroup(ours.id(), ours.vpcId(), "tokyo-osaka-old-replication", java.util.Map.of("Name", "tokyo-osaka-old-replication", "DrslinkTopology", "tokyo-osaka"), ours.ingress()));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.stream().anyMatch(l -> l.contains("VER007 vpc-0fedcba9876543210: no drslink replication security group in VPC dr")), found::toString);
  }

  /**
   * preflight looks for conflicting zones in every VPC the planner associates with a region's zones: also a
   * target that is not the region's hub (analytics in pinned-endpoints), which resolves the zones too.
   */
  @Test
  void zoneVpcsAreTheOnesThePlannerAssociates() throws IOException {
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(YamlLimits.DEFAULT)
            .read("topology.yaml", Files.readString(Path.of("src/test/resources/golden/pinned-endpoints/topology.yaml")), d)
            .flatMap(root -> new TopologyReader(d).read("topology.yaml", root))
            .orElseThrow();
    java.util.Map<String, java.util.Set<drslink.model.Vpc>> zoneVpcs = new LivePaths(t).zoneVpcs();
    assertEquals(List.of("analytics", "app", "dr", "web"), zoneVpcs.get("ap-northeast-3").stream().map(drslink.model.Vpc::nameValue).sorted().toList());
  }

  /** preflight before a second apply: drslink's own zones (tags read by their owner) and template are no conflict. */
  @Test
  void preflightAfterApplyTakesDrslinksOwnZonesAndTemplateAsOurs() throws IOException {
    RecordedCloud c = RecordedCloud.crossAccount();
    List<String> found = lines(LiveRun.preflight(example("cross-account"), c));
    assertTrue(found.stream().noneMatch(l -> l.contains("PRE008") || l.contains("PRE011")), found::toString);
    List<String> tags = c.reads.stream().filter(r -> r.startsWith("zoneTags ")).toList();
    assertFalse(tags.isEmpty());
    assertTrue(tags.stream().allMatch(r -> r.contains("(account dr)")), tags::toString);

    RecordedCloud tokyo = RecordedCloud.afterApply();
    tokyo.zones.get(RecordedCloud.APP).clear(); // only the DR VPC's associations: PRE008 would name them
    assertEquals(List.of(), lines(LiveRun.preflight(tokyoOsaka(), tokyo)));
  }

  /** A zone of an account the topology does not name is foreign: no tags are read, it is a conflict. */
  @Test
  void zoneOfAForeignAccountIsAConflictWithoutReadingItsTags() throws IOException {
    RecordedCloud c = RecordedCloud.crossAccount();
    c.zones.get(RecordedCloud.CRM).add(new Cloud.ZoneRef("Z0FOREIGN", "s3.eu-north-1.amazonaws.com.", "999988887777"));
    List<String> found = lines(LiveRun.preflight(example("cross-account"), c));
    assertTrue(found.stream().anyMatch(l -> l.contains("error: PRE008 Z0FOREIGN: VPC crm (vpc-0bbbbbbbbbbbbbbb1) is already associated with private zone s3.eu-north-1.amazonaws.com (Z0FOREIGN, account 999988887777)")), found::toString);
    assertTrue(c.reads.stream().noneMatch(r -> r.endsWith("Z0FOREIGN")), c.reads::toString);
  }

  /** An AccessDenied on the tags is a failure of reading, not a foreign zone; the rest of the run still reports. */
  @Test
  void deniedTagReadIsUnreadableAndTheOtherFindingsStay() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.failing.put("zoneTags", new Cloud.Unreadable("permission: route53:ListTagsForResource denied (AccessDenied) (Route53 ListTagsForResource in us-east-1 at https://route53.amazonaws.com)", null));
    c.vpcs.remove(RecordedCloud.APP);
    Findings f = LiveRun.preflight(tokyoOsaka(), c);
    assertEquals(List.of("permission: route53:ListTagsForResource denied (AccessDenied) (Route53 ListTagsForResource in us-east-1 at https://route53.amazonaws.com)"), f.unreadable());
    assertEquals("unreadable", f.status());
    assertTrue(lines(f).stream().anyMatch(l -> l.contains("PRE001 vpc-0a1b2c3d4e5f67890")), lines(f)::toString);
    assertTrue(lines(f).stream().noneMatch(l -> l.contains("PRE008")), lines(f)::toString);
    String json = new LiveReport(new com.fasterxml.jackson.databind.ObjectMapper()).json("preflight", "tokyo-osaka", "topology.yaml", f);
    assertTrue(json.contains("\"status\" : \"unreadable\"") && json.contains("PRE001") && json.contains("route53:ListTagsForResource denied"), json);
  }

  /** One unreadable service (DRS) does not end verify: the path findings are still made. */
  @Test
  void unreadableDrsKeepsThePathFindings() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.failing.put("drs", new Cloud.Unreadable("server error: HTTP 500 (drs DescribeReplicationConfigurationTemplates in ap-northeast-3 at http://127.0.0.1:1)", null));
    c.groups.replaceAll(g -> g.id().equals(RecordedCloud.REPLICATION_SG) ? new Cloud.SecurityGroup(g.id(), g.vpcId(), g.name(), g.tags(), List.of()) : g);
    Findings f = LiveRun.verify(tokyoOsaka(), c);
    assertEquals(List.of("server error: HTTP 500 (drs DescribeReplicationConfigurationTemplates in ap-northeast-3 at http://127.0.0.1:1)"), f.unreadable());
    assertTrue(lines(f).stream().anyMatch(l -> l.contains("VER007 sg-0aa11bb22cc33dd44")), lines(f)::toString);
  }

  /** Return traffic on 32768-65535 (Linux) or 49152-65535 (Windows) only is valid; below that range it is blocked. */
  @Test
  void naclReturnPortsAcceptTheCommonEphemeralRanges() throws IOException {
    for (int from : new int[] {1024, 32768, 49152}) {
      RecordedCloud c = RecordedCloud.afterApply();
      c.acls.replaceAll(a -> new Cloud.NetworkAcl(a.id(), a.vpcId(), true, a.subnetIds(), List.of(
          new Cloud.AclEntry(100, false, "6", 443, 443, "10.0.0.0/8", true), new Cloud.AclEntry(110, false, "6", 1500, 1500, "10.0.0.0/8", true),
          new Cloud.AclEntry(120, false, "6", from, 65535, "10.0.0.0/8", true),
          new Cloud.AclEntry(100, true, "6", 443, 443, "10.0.0.0/8", true), new Cloud.AclEntry(110, true, "6", 1500, 1500, "10.0.0.0/8", true),
          new Cloud.AclEntry(120, true, "6", from, 65535, "10.0.0.0/8", true))));
      assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)), "return ports " + from + "-65535");
    }
    RecordedCloud c = RecordedCloud.afterApply();
    c.acls.replaceAll(a -> !a.vpcId().equals(RecordedCloud.APP) ? a : new Cloud.NetworkAcl(a.id(), a.vpcId(), true, a.subnetIds(), List.of(
        new Cloud.AclEntry(100, false, "6", 50000, 65535, "10.0.0.0/8", true), new Cloud.AclEntry(100, true, "-1", 0, 65535, "0.0.0.0/0", true))));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.contains("topology.yaml:15:13: error: VER008 acl-0a1b2c3d4e5f67890: network ACL acl-0a1b2c3d4e5f67890 of VPC app blocks return traffic from the staging subnet 10.20.2.0/24 on every ephemeral range (1024-65535, 32768-65535, 49152-65535): rule * (deny all 0.0.0.0/0) (replication app-to-osaka)"
        + " (hint: allow it with a lower-numbered rule, or remove the deny (aws ec2 delete-network-acl-entry --network-acl-id acl-0a1b2c3d4e5f67890 --rule-number 32767 --ingress))"), found::toString);
  }

  private static void replaceTable(RecordedCloud c, String id, List<Cloud.Route> routes) {
    c.routeTables.replaceAll(t -> t.id().equals(id) ? new Cloud.RouteTable(t.id(), t.vpcId(), t.main(), t.subnetIds(), routes) : t);
  }

  /** A deleted endpoint still listed first, and a team's own untagged S3 endpoint, are not judged: drslink's (tagged) is. */
  @Test
  void drslinksOwnEndpointIsJudgedNotOthersOrDeletedOnes() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.endpoints.add(0, new Cloud.Endpoint("vpce-0dead000000000000", RecordedCloud.DR, "com.amazonaws.ap-northeast-3.drs", "Interface", "deleted", List.of(), List.of(), false, List.of(), RecordedCloud.OURS));
    c.endpoints.add(0, new Cloud.Endpoint("vpce-0team000000000000", RecordedCloud.DR, "com.amazonaws.ap-northeast-3.s3", "Interface", "available", List.of("subnet-0aaaaaaaaaaaaaaaa"), List.of("sg-0team"), false, List.of(), java.util.Map.of()));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** 443 per endpoint: the DRS endpoint moved to a group that admits nothing fails, though the S3 endpoint's group admits 443. */
  @Test
  void endpointPortIsJudgedPerEndpointGroups() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.groups.add(new Cloud.SecurityGroup("sg-0empty", RecordedCloud.DR, "empty", java.util.Map.of(), List.of()));
    c.endpoints.replaceAll(e -> !e.serviceName().endsWith(".drs") ? e : new Cloud.Endpoint(e.id(), e.vpcId(), e.serviceName(), e.type(), e.state(), e.subnetIds(), List.of("sg-0empty"), e.privateDns(), e.dnsNames(), e.tags()));
    assertEquals(
        List.of("topology.yaml:15:13: error: VER006 vpce-0d0d0d0d0d0d0d0d0: the security groups of endpoint vpce-0d0d0d0d0d0d0d0d0 for com.amazonaws.ap-northeast-3.drs (sg-0empty) do not admit TCP 443 from app 10.10.0.0/16 (replication app-to-osaka)"
            + " (hint: apply the generated root to restore the 443 rule and the endpoint's groups)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** A pcx- that is not the peering between app and dr does not carry the path. */
  @Test
  void nextHopMustBeTheLinksOwnPeering() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    replaceTable(c, RecordedCloud.APP_RTB, List.of(new Cloud.Route("10.10.0.0/16", "local", "active"), new Cloud.Route("10.20.0.0/16", "pcx-0unrelated000000", "active")));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertTrue(found.contains("topology.yaml:17:27: error: VER004 rtb-0123456789abcdef0: route table rtb-0123456789abcdef0 of VPC app routes to staging subnet subnet-0cccccccccccccccc (10.20.2.0/24) to pcx-0unrelated000000 (active), which is not an active peering between app and dr (replication app-to-osaka)"
        + " (hint: apply the generated root to restore the route)"), found::toString);
    assertEquals(3, found.size(), found::toString); // two endpoint subnets and the staging subnet
  }

  /** A route to a managed prefix list carries the path; a /28 to an internet gateway inside the staging subnet takes part of it. */
  @Test
  void prefixListRoutesCountAndMoreSpecificRoutesAreSeen() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    replaceTable(c, RecordedCloud.APP_RTB, List.of(new Cloud.Route("10.10.0.0/16", "local", "active"), new Cloud.Route("10.20.0.0/16", RecordedCloud.PCX, "active", "pl-0dr")));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));

    replaceTable(c, RecordedCloud.APP_RTB, List.of(new Cloud.Route("10.10.0.0/16", "local", "active"), new Cloud.Route("10.20.0.0/16", RecordedCloud.PCX, "active"), new Cloud.Route("10.20.2.16/28", "igw-0abc", "active")));
    assertEquals(
        List.of("topology.yaml:17:27: error: VER004 rtb-0123456789abcdef0: route table rtb-0123456789abcdef0 of VPC app routes to staging subnet subnet-0cccccccccccccccc (10.20.2.0/24) but sends part of it, 10.20.2.16/28, to igw-0abc (active), not over a private link (replication app-to-osaka)"
            + " (hint: apply the generated root to restore the route)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  @Test
  void dnsSupportOffAndCustomDnsServersAreFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.vpcs.put(RecordedCloud.APP, new Cloud.VpcInfo(RecordedCloud.APP, List.of("10.10.0.0/16"), false, true, "dopt-0corp"));
    c.dhcp.put("dopt-0corp", List.of("10.0.0.2", "10.0.0.3"));
    assertEquals(
        List.of(
            "topology.yaml:15:13: error: VER012 vpc-0a1b2c3d4e5f67890: VPC app has DNS support (enableDnsSupport) off: the Route 53 Resolver does not answer there, so no private zone does (hint: aws ec2 modify-vpc-attribute --vpc-id vpc-0a1b2c3d4e5f67890 --enable-dns-support)",
            "topology.yaml:15:13: error: VER013 dopt-0corp: VPC app uses DHCP options dopt-0corp with DNS servers 10.0.0.2, 10.0.0.3: instances asking them do not see drslink's private zones unless those servers forward drs and s3 names to the VPC resolver"
                + " (hint: forward drs.ap-northeast-3.amazonaws.com and s3.ap-northeast-3.amazonaws.com from those servers to the Route 53 Resolver (an inbound endpoint), or use AmazonProvidedDNS)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
    c.vpcs.put(RecordedCloud.APP, new Cloud.VpcInfo(RecordedCloud.APP, List.of("10.10.0.0/16"), true, true, "dopt-0amazon"));
    c.dhcp.put("dopt-0amazon", List.of("AmazonProvidedDNS"));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** The staging subnet's way out: an internet gateway does not serve PRIVATE_IP replication servers, no route neither. */
  @Test
  void stagingEgressThroughAnInternetGatewayIsFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    replaceTable(c, RecordedCloud.DR_RTB, List.of(new Cloud.Route("10.20.0.0/16", "local", "active"), new Cloud.Route("10.10.0.0/16", RecordedCloud.PCX, "active"), new Cloud.Route("0.0.0.0/0", "igw-0abc", "active")));
    assertEquals(
        List.of("topology.yaml:25:28: error: VER014 rtb-0fedcba9876543210: staging subnet subnet-0cccccccccccccccc of VPC dr (route table rtb-0fedcba9876543210) sends 0.0.0.0/0 to igw-0abc (active), which needs a public IP that PRIVATE_IP replication servers do not have: replication servers cannot reach the EC2 API"
            + " (hint: route 0.0.0.0/0 to a NAT gateway or transit gateway, or set staging_private: true and regenerate)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** examples/transit-gateway with the Sydney side half broken: association, an uncovered zone, no route back. */
  @Test
  void transitGatewayAssociationZonesAndRoutesAreJudged() throws IOException {
    String shop = "vpc-0123456789abcdef1";
    String recovery = "vpc-0123456789abcdef2";
    RecordedCloud c = new RecordedCloud();
    c.vpcs.put(shop, new Cloud.VpcInfo(shop, List.of("10.30.0.0/16", "100.64.0.0/20"), true, true, null));
    c.vpcs.put(recovery, new Cloud.VpcInfo(recovery, List.of("10.40.0.0/16"), true, true, null));
    c.subnets.add(new Cloud.SubnetInfo("subnet-01111111111111111", shop, "10.30.0.0/24", "ap-southeast-1a"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222221", recovery, "10.40.0.0/24", "ap-southeast-2a"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222222", recovery, "10.40.1.0/24", "ap-southeast-2b"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222223", recovery, "10.40.2.0/24", "ap-southeast-2a"));
    c.tgwAttachments.put("tgw-attach-01111111111111111", new Cloud.TgwAttachment("tgw-attach-01111111111111111", "tgw-01111111111111111", shop, "available", List.of("subnet-01111111111111111"), "tgw-rtb-01111111111111111"));
    c.tgwAttachments.put("tgw-attach-02222222222222222", new Cloud.TgwAttachment("tgw-attach-02222222222222222", "tgw-02222222222222222", recovery, "available", List.of("subnet-02222222222222221"), "tgw-rtb-0other000000000000"));
    c.tgwRouteTables.put("tgw-rtb-01111111111111111", "tgw-01111111111111111");
    c.tgwRouteTables.put("tgw-rtb-02222222222222222", "tgw-0somewhereelse0000");
    c.tgwRoutes.put("tgw-rtb-01111111111111111", List.of(new Cloud.Route("10.40.0.0/16", "tgw-attach-0peer0000000000000", "active")));
    List<String> found = lines(LiveRun.verify(example("transit-gateway"), c));
    String assoc = "error: VER015 tgw-attach-02222222222222222: transit gateway attachment tgw-attach-02222222222222222 of VPC recovery is associated with tgw-rtb-0other000000000000, not with the link's tgw-rtb-02222222222222222";
    String zone = "error: VER015 tgw-attach-02222222222222222: transit gateway attachment tgw-attach-02222222222222222 of VPC recovery has no subnet in ap-southeast-2b, so subnet subnet-02222222222222222 there cannot reach the transit gateway (replication shop-to-sydney)";
    String route = "error: VER015 tgw-rtb-02222222222222222: transit gateway route table tgw-rtb-02222222222222222 has no active route to shop 10.30.0.0/16 (replication shop-to-sydney)";
    for (String want : List.of(assoc, zone, route)) {
      assertTrue(found.stream().anyMatch(l -> l.contains(want)), () -> want + " in " + found);
    }
    assertTrue(found.stream().noneMatch(l -> l.contains("VER015 tgw-attach-01111111111111111") || l.contains("VER015 tgw-rtb-01111111111111111: transit gateway route table tgw-rtb-01111111111111111 has no active route to recovery")), found::toString);

    List<String> pre = lines(LiveRun.preflight(example("transit-gateway"), c));
    assertTrue(pre.stream().anyMatch(l -> l.contains("error: PRE013 tgw-rtb-02222222222222222: transit gateway route table tgw-rtb-02222222222222222 belongs to tgw-0somewhereelse0000, not to tgw-02222222222222222")), pre::toString);
    assertTrue(pre.stream().noneMatch(l -> l.contains("PRE013 tgw-attach")), pre::toString);
  }

  /**
   * examples/transit-gateway, associations, zones and routes to the peer right, but the way in over the gateway
   * peering broken: Sydney's table has no route to recovery's own CIDR (its attachment does not propagate there),
   * and Singapore's sends shop's second CIDR to a blackhole and a part of the first to the peering.
   */
  @Test
  void transitGatewayRoutesBackToTheVpcsOwnAttachmentAreJudged() throws IOException {
    RecordedCloud c = transitGatewayHolding();
    c.tgwRoutes.put("tgw-rtb-01111111111111111", List.of(
        new Cloud.Route("10.40.0.0/16", "tgw-attach-0peer0000000000000", "active"),
        new Cloud.Route("10.30.0.0/16", "tgw-attach-01111111111111111", "active"),
        new Cloud.Route("10.30.9.0/24", "tgw-attach-0peer0000000000000", "active"),
        new Cloud.Route("100.64.0.0/20", "blackhole", "blackhole")));
    c.tgwRoutes.put("tgw-rtb-02222222222222222", List.of(new Cloud.Route("10.30.0.0/16", "tgw-attach-0peer0000000000000", "active"), new Cloud.Route("100.64.0.0/20", "tgw-attach-0peer0000000000000", "active")));
    List<String> found = lines(LiveRun.verify(example("transit-gateway"), c)).stream().filter(l -> l.contains("VER015")).toList();
    assertEquals(List.of(
        "topology.yaml:38:68: error: VER015 tgw-rtb-01111111111111111: transit gateway route table tgw-rtb-01111111111111111 does not send shop 10.30.0.0/16 to its attachment tgw-attach-01111111111111111 (10.30.9.0/24 goes to tgw-attach-0peer0000000000000): traffic from recovery that arrives over the transit gateway peering cannot reach shop (replication shop-to-sydney)"
            + " (hint: propagate the attachment into the table (aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id tgw-rtb-01111111111111111 --transit-gateway-attachment-id tgw-attach-01111111111111111), or add a static route (aws ec2 create-transit-gateway-route --transit-gateway-route-table-id tgw-rtb-01111111111111111 --destination-cidr-block 10.30.0.0/16 --transit-gateway-attachment-id tgw-attach-01111111111111111))",
        "topology.yaml:38:68: error: VER015 tgw-rtb-01111111111111111: transit gateway route table tgw-rtb-01111111111111111 does not send shop 100.64.0.0/20 to its attachment tgw-attach-01111111111111111 (100.64.0.0/20 is a blackhole): traffic from recovery that arrives over the transit gateway peering cannot reach shop (replication shop-to-sydney)"
            + " (hint: propagate the attachment into the table (aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id tgw-rtb-01111111111111111 --transit-gateway-attachment-id tgw-attach-01111111111111111), or add a static route (aws ec2 create-transit-gateway-route --transit-gateway-route-table-id tgw-rtb-01111111111111111 --destination-cidr-block 100.64.0.0/20 --transit-gateway-attachment-id tgw-attach-01111111111111111))",
        "topology.yaml:39:68: error: VER015 tgw-rtb-02222222222222222: transit gateway route table tgw-rtb-02222222222222222 does not send recovery 10.40.0.0/16 to its attachment tgw-attach-02222222222222222 (no route): traffic from shop that arrives over the transit gateway peering cannot reach recovery (replication shop-to-sydney)"
            + " (hint: propagate the attachment into the table (aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id tgw-rtb-02222222222222222 --transit-gateway-attachment-id tgw-attach-02222222222222222), or add a static route (aws ec2 create-transit-gateway-route --transit-gateway-route-table-id tgw-rtb-02222222222222222 --destination-cidr-block 10.40.0.0/16 --transit-gateway-attachment-id tgw-attach-02222222222222222))"),
        found);
    // Propagated (or static) routes to each VPC's own attachment: nothing to say.
    c.tgwRoutes.put("tgw-rtb-01111111111111111", List.of(new Cloud.Route("10.40.0.0/16", "tgw-attach-0peer0000000000000", "active"), new Cloud.Route("10.30.0.0/16", "tgw-attach-01111111111111111", "active"), new Cloud.Route("100.64.0.0/20", "tgw-attach-01111111111111111", "active")));
    c.tgwRoutes.put("tgw-rtb-02222222222222222", List.of(new Cloud.Route("10.30.0.0/16", "tgw-attach-0peer0000000000000", "active"), new Cloud.Route("100.64.0.0/20", "tgw-attach-0peer0000000000000", "active"), new Cloud.Route("10.40.0.0/16", "tgw-attach-02222222222222222", "active")));
    RecordedCloud fresh = transitGatewayHolding();
    fresh.tgwRoutes.putAll(c.tgwRoutes);
    assertEquals(List.of(), lines(LiveRun.verify(example("transit-gateway"), fresh)).stream().filter(l -> l.contains("VER015")).toList());
  }

  /** examples/transit-gateway's two sides as apply leaves them, without any transit gateway route. */
  private static RecordedCloud transitGatewayHolding() {
    String shop = "vpc-0123456789abcdef1";
    String recovery = "vpc-0123456789abcdef2";
    RecordedCloud c = new RecordedCloud();
    c.vpcs.put(shop, new Cloud.VpcInfo(shop, List.of("10.30.0.0/16", "100.64.0.0/20"), true, true, null));
    c.vpcs.put(recovery, new Cloud.VpcInfo(recovery, List.of("10.40.0.0/16"), true, true, null));
    c.subnets.add(new Cloud.SubnetInfo("subnet-01111111111111111", shop, "10.30.0.0/24", "ap-southeast-1a"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-01111111111111112", shop, "10.30.1.0/24", "ap-southeast-1b"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-01111111111111113", shop, "10.30.2.0/24", "ap-southeast-1a"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222221", recovery, "10.40.0.0/24", "ap-southeast-2a"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222222", recovery, "10.40.1.0/24", "ap-southeast-2b"));
    c.subnets.add(new Cloud.SubnetInfo("subnet-02222222222222223", recovery, "10.40.2.0/24", "ap-southeast-2a"));
    c.tgwAttachments.put("tgw-attach-01111111111111111", new Cloud.TgwAttachment("tgw-attach-01111111111111111", "tgw-01111111111111111", shop, "available", List.of("subnet-01111111111111111", "subnet-01111111111111112"), "tgw-rtb-01111111111111111"));
    c.tgwAttachments.put("tgw-attach-02222222222222222", new Cloud.TgwAttachment("tgw-attach-02222222222222222", "tgw-02222222222222222", recovery, "available", List.of("subnet-02222222222222221", "subnet-02222222222222222"), "tgw-rtb-02222222222222222"));
    c.tgwRouteTables.put("tgw-rtb-01111111111111111", "tgw-01111111111111111");
    c.tgwRouteTables.put("tgw-rtb-02222222222222222", "tgw-02222222222222222");
    return c;
  }

  /** examples/hybrid: the Tokyo datacenter's path is judged on the AWS side: groups and routes back through a vgw-. */
  @Test
  void onPremisesPathIsJudgedOnTheAwsSide() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    java.util.Map<String, String> hybridTags = java.util.Map.of("Name", "hybrid-dr-replication", "DrslinkTopology", "hybrid");
    c.groups.replaceAll(g -> new Cloud.SecurityGroup(g.id(), g.vpcId(), g.name(), g.id().equals(RecordedCloud.REPLICATION_SG) ? hybridTags : g.tags(), new java.util.ArrayList<>(g.ingress())));
    c.groups.forEach(g -> g.ingress().add(new Cloud.Permission("tcp", g.id().equals(RecordedCloud.REPLICATION_SG) ? 1500 : 443, g.id().equals(RecordedCloud.REPLICATION_SG) ? 1500 : 443, "192.168.0.0/16")));
    List<Cloud.Route> withVgw = new java.util.ArrayList<>(c.routeTables.stream().filter(t -> t.id().equals(RecordedCloud.DR_RTB)).findFirst().orElseThrow().routes());
    withVgw.add(new Cloud.Route("192.168.0.0/16", "vgw-0dc0dc0dc0dc0dc0d", "active"));
    replaceTable(c, RecordedCloud.DR_RTB, withVgw);
    c.groups.add(recoveryFailbackGroup());
    Topology hybrid = example("hybrid");
    List<String> clean = lines(LiveRun.verify(hybrid, c));
    assertEquals(List.of(), clean);

    withVgw.set(withVgw.size() - 1, new Cloud.Route("192.168.0.0/16", RecordedCloud.PCX, "active"));
    replaceTable(c, RecordedCloud.DR_RTB, withVgw);
    c.groups.forEach(g -> g.ingress().removeIf(x -> x.cidr().equals("192.168.0.0/16") && x.fromPort() == 1500));
    List<String> found = lines(LiveRun.verify(hybrid, c));
    assertEquals(
        List.of(
            "topology.yaml:24:27: error: VER004 rtb-0fedcba9876543210: route table rtb-0fedcba9876543210 of VPC dr routes back to dc-tokyo 192.168.0.0/16 (192.168.0.0/16) to pcx-0c0ffee0c0ffee000 (active), not a virtual private gateway or transit gateway towards on-premises (replication dc-to-osaka)"
                + " (hint: apply the generated root to restore the route)",
            "topology.yaml:29:11: error: VER007 sg-0aa11bb22cc33dd44: replication security group sg-0aa11bb22cc33dd44 does not admit TCP 1500 from dc-tokyo 192.168.0.0/16 (replication dc-to-osaka) (hint: apply the generated root to restore the 1500 rule)"),
        found);
  }

  /** drslink's recovery instance group for failback to on-premises, as apply leaves it in examples/hybrid's dr. */
  private static Cloud.SecurityGroup recoveryFailbackGroup() {
    return new Cloud.SecurityGroup("sg-0recovery0000000001", RecordedCloud.DR, "drslink-hybrid-dr-recovery-failback", java.util.Map.of("Name", "hybrid-dr-recovery-failback", "DrslinkTopology", "hybrid"),
        new java.util.ArrayList<>(List.of(new Cloud.Permission("tcp", 1500, 1500, "192.168.50.0/24"))));
  }

  /**
   * examples/hybrid fails back to dc-tokyo: the Failback Client there must reach the recovery instances on TCP 1500
   * (VER020). Without the rule, and without the group (one of another topology with the same Name does not count).
   */
  @Test
  void failbackClientRuleOnTheRecoveryGroupIsJudged() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    Cloud.SecurityGroup group = recoveryFailbackGroup();
    c.groups.add(new Cloud.SecurityGroup(group.id(), group.vpcId(), group.name(), group.tags(), new java.util.ArrayList<>(List.of(new Cloud.Permission("tcp", 1500, 1500, "192.168.0.0/24")))));
    Topology hybrid = example("hybrid");
    List<String> found = lines(LiveRun.verify(hybrid, c)).stream().filter(l -> l.contains("VER020")).toList();
    assertEquals(List.of("topology.yaml:22:13: error: VER020 sg-0recovery0000000001: recovery instance security group sg-0recovery0000000001 in VPC dr does not admit TCP 1500 from the Failback Client in 192.168.50.0/24: failback to on-premises cannot pair"
        + " (hint: apply the generated root (module.recovery_sg_dr) to restore the 1500 rule)"), found);

    c.groups.removeIf(g -> g.id().equals(group.id()));
    c.groups.add(new Cloud.SecurityGroup(group.id(), group.vpcId(), group.name(), java.util.Map.of("Name", "hybrid-dr-recovery-failback", "DrslinkTopology", "another"), group.ingress()));
    assertEquals(List.of("topology.yaml:22:13: error: VER020 vpc-0fedcba9876543210: no drslink recovery instance security group hybrid-dr-recovery-failback in VPC dr: the Failback Client in 192.168.50.0/24 cannot reach recovery instances on TCP 1500"
        + " (hint: apply the generated root (module.recovery_sg_dr))"), lines(LiveRun.verify(hybrid, c)).stream().filter(l -> l.contains("VER020")).toList());

    c.groups.removeIf(g -> g.id().equals(group.id()));
    c.groups.add(group);
    assertEquals(List.of(), lines(LiveRun.verify(hybrid, c)).stream().filter(l -> l.contains("VER020")).toList());
  }

  /**
   * An answer the checks did not expect (here DRS's source servers throw a NullPointerException, as a field left out
   * would): one line saying what and where, the unit's neighbours still judged and their findings kept, status
   * "unreadable" (exit 6) and a JSON document, never an internal error.
   */
  @Test
  void anUnexpectedAnswerIsOneLineAndTheOtherFindingsStand() throws IOException {
    RecordedCloud recorded = RecordedCloud.afterApply();
    recorded.groups.replaceAll(g -> g.id().equals(RecordedCloud.REPLICATION_SG) ? new Cloud.SecurityGroup(g.id(), g.vpcId(), g.name(), g.tags(), List.of()) : g);
    Cloud broken = (Cloud) java.lang.reflect.Proxy.newProxyInstance(
        Cloud.class.getClassLoader(), new Class<?>[] {Cloud.class},
        (proxy, method, args) -> {
          if (method.getName().equals("sourceServers")) {
            throw new NullPointerException("Cannot invoke \"String.equals(Object)\" because \"x\" is null");
          }
          try {
            return method.invoke(recorded, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
    Findings f = LiveRun.verify(tokyoOsaka(), broken);
    assertEquals("unreadable", f.status());
    assertEquals(1, f.unreadable().size(), f.unreadable()::toString);
    assertTrue(f.unreadable().get(0).startsWith("unexpected answer: NullPointerException (Cannot invoke \"String.equals(Object)\" because \"x\" is null) at "), f.unreadable().get(0));
    assertTrue(f.unreadable().get(0).endsWith("; this part was not judged (a bug in drslink: please report it with the output of -v)"), f.unreadable().get(0));
    assertTrue(lines(f).stream().anyMatch(l -> l.contains("error: VER007 " + RecordedCloud.REPLICATION_SG)), () -> lines(f).toString());
    assertTrue(f.passedTotal() > 10, () -> "passed " + f.passedTotal());
    var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new LiveReport(new com.fasterxml.jackson.databind.ObjectMapper()).json("verify", "tokyo-osaka", "topology.yaml", f));
    assertEquals("unreadable", doc.path("status").asText());
    assertEquals(f.unreadable().get(0), doc.path("unreadable").get(0).asText());
    assertTrue(doc.path("findings").size() >= 1, doc::toString);
  }

  /** A forwarding rule for exactly drs.REGION takes the queries from the private zone; one for amazonaws.com does not. */
  @Test
  void resolverForwardingRuleForTheZonesNameIsFound() throws IOException {
    RecordedCloud c = RecordedCloud.afterApply();
    c.resolverRules.put(RecordedCloud.APP, List.of(
        new Cloud.ResolverRule("rslvr-rr-0parent", "amazonaws.com.", "FORWARD"),
        new Cloud.ResolverRule("rslvr-rr-0system", "s3.ap-northeast-3.amazonaws.com.", "SYSTEM")));
    assertEquals(List.of(), lines(LiveRun.verify(tokyoOsaka(), c)));
    c.resolverRules.put(RecordedCloud.APP, List.of(new Cloud.ResolverRule("rslvr-rr-0exact", "drs.ap-northeast-3.amazonaws.com", "FORWARD")));
    assertEquals(
        List.of("topology.yaml:15:13: error: VER016 rslvr-rr-0exact: Resolver rule rslvr-rr-0exact forwards drs.ap-northeast-3.amazonaws.com from VPC app to other DNS servers, so drslink's private zone of that name does not answer there (replication app-to-osaka)"
            + " (hint: disassociate the rule from the VPC (aws route53resolver disassociate-resolver-rule --resolver-rule-id rslvr-rr-0exact --vpc-id vpc-0a1b2c3d4e5f67890), or make those servers answer with the endpoint's addresses)"),
        lines(LiveRun.verify(tokyoOsaka(), c)));
  }

  /** verify's reads made ahead, in parallel, leave the findings as they were. */
  @Test
  void prefetchReadsEachSourceAndChangesNoFinding() throws IOException {
    RecordedCloud c = RecordedCloud.crossAccount();
    Topology t = example("cross-account");
    List<String> without = lines(LiveRun.verify(t, c));
    c.reads.clear();
    Prefetch.verify(new LivePaths(t), c);
    assertEquals(
        java.util.Set.of("resolverRules eu-central-1 (account prod) vpc-0aaaaaaaaaaaaaaa1", "resolverRules eu-west-1 (account prod) vpc-0bbbbbbbbbbbbbbb1", "resolverRules eu-north-1 (account dr) vpc-0ccccccccccccccc1"),
        java.util.Set.copyOf(c.reads));
    assertEquals(without, lines(LiveRun.verify(t, c)));
  }
}
