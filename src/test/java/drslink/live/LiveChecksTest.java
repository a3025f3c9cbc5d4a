package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(new YAMLFactory(), YamlLimits.DEFAULT)
            .read("topology.yaml", Files.readString(Path.of("examples/tokyo-osaka/topology.yaml")), d)
            .flatMap(root -> new TopologyReader(d).read("topology.yaml", root))
            .orElseThrow();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  private static List<String> lines(Findings f) {
    return f.sorted().stream().map(Finding::format).toList();
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
        List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"), List.of(), false, List.of("*.vpce-0e0e0e0e0e0e0e0e0-qrstuvwx.s3.ap-northeast-3.vpce.amazonaws.com")));
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
    c.routeTables.replaceAll(t -> t.id().equals(RecordedCloud.DR_RTB) ? new Cloud.RouteTable(t.id(), t.vpcId(), true, t.subnetIds(), List.of(t.routes().get(0), new Cloud.Route("10.10.0.0/16", RecordedCloud.PCX, "blackhole"))) : t);
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
    c.drs.put("ap-northeast-3", new Cloud.DrsState(true, List.of(new Cloud.DrsTemplate("rct-0123456789abcdefg", RecordedCloud.STAGING, List.of("sg-0ffffffffffffffff"), "PUBLIC_IP", true))));
    List<String> found = lines(LiveRun.verify(tokyoOsaka(), c));
    assertEquals(1, found.size(), found::toString);
    assertTrue(found.get(0).contains("error: VER009 rct-0123456789abcdefg: DRS template rct-0123456789abcdefg in ap-northeast-3 has security groups [sg-0ffffffffffffffff] without drslink's sg-0aa11bb22cc33dd44; data plane routing PUBLIC_IP instead of PRIVATE_IP; public IPs on replication servers"), found.get(0));
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
    c.zones.put(RecordedCloud.APP, List.of(new Cloud.ZoneRef("Z0OTHER", "s3.ap-northeast-3.amazonaws.com.", "210987654321", null)));
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
    c.drs.put("ap-northeast-3", new Cloud.DrsState(true, List.of(new Cloud.DrsTemplate("rct-0console00000000a", "subnet-x", List.of(), "PUBLIC_IP", true))));
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
}
