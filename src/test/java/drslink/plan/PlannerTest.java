package drslink.plan;

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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Planner decisions, compared as records without templates. */
class PlannerTest {
  static Topology topology(String yaml) {
    Diagnostics d = new Diagnostics();
    Topology t =
        new YamlTreeReader(new YAMLFactory(), YamlLimits.DEFAULT)
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
  void failbackZonesAreNeverAssociatedWithTheSource() throws IOException {
    Plan plan = new Planner().plan(topology(example("fan-in")), "x");
    ModuleCall zone = plan.modules().stream().filter(m -> m.label().equals("dns_s3_ap_northeast_1")).findFirst().orElseThrow();
    assertTrue(zone.arguments().contains(new Argument("vpc_id", Hcl.ref("data.aws_vpc.recovery.id"))), zone.arguments().toString());
    assertTrue(plan.modules().stream().noneMatch(m -> m.label().equals("dns_ap_northeast_1_web")), "web is not associated with its own region's zones");
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
}
