package drslink.model.derived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostics;
import drslink.model.DrsTemplateSites;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.parse.TopologyReader;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import drslink.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The derived model on its own: who replicates into which hub, on multi-account files and on broken ones. */
class ReplicationModelTest {

  private static Topology read(String yaml) {
    Diagnostics d = new Diagnostics();
    return new YamlTreeReader(YamlLimits.DEFAULT)
        .read("t.yaml", yaml, d)
        .flatMap(root -> new TopologyReader(d).read("t.yaml", root))
        .orElseThrow(() -> new AssertionError(d.sorted().toString()));
  }

  private static Topology valid(Path file) throws IOException {
    Topology t = read(Files.readString(file));
    Diagnostics d = new Diagnostics();
    new TopologyValidator().validate(t, d);
    assertFalse(d.hasErrors(), () -> d.sorted().toString());
    return t;
  }

  private static List<String> flows(ReplicationModel model) {
    return model.flows().stream().map(f -> f.replication().nameValue() + ": " + f.from().nameValue() + (f.failback() ? " =back=> " : " => ") + f.staging().nameValue()).toList();
  }

  private static List<String> names(Map<String, Vpc> vpcs) {
    return List.copyOf(vpcs.keySet());
  }

  private static List<String> sites(List<DrsTemplateSites.Site> sites) {
    return sites.stream().map(s -> s.region() + "/" + s.account() + "/" + s.stagingVpc().nameValue()).toList();
  }

  /** Two source accounts in Tokyo fail back into their own accounts: two landings, one hub, one zone pair. */
  @Test
  void failbackIntoEachSourceAccount() throws IOException {
    ReplicationModel model = ReplicationModel.of(valid(Path.of("src/test/resources/golden/failback-accounts/topology.yaml")));

    assertEquals(
        List.of("tokyo-to-osaka: app => dr", "tokyo-to-osaka: ss-tools => dr", "tokyo-to-osaka: dr =back=> app", "tokyo-to-osaka: dr =back=> ss-tools"),
        flows(model));
    assertEquals(List.of("ap-northeast-1", "ap-northeast-3"), List.copyOf(model.hubs().keySet()));

    ReplicationModel.Hub tokyo = model.hub("ap-northeast-1").orElseThrow();
    assertEquals("app", tokyo.vpc().nameValue());
    assertTrue(tokyo.failbackOnly());
    // Only failback lands here: the zones start in the failing-back target, and the hub is associated.
    assertEquals("dr", tokyo.zoneHome().nameValue());
    assertEquals(List.of("app"), names(tokyo.associations()));
    // ss-tools is a landing of another account: a replication group, no zone association.
    assertEquals(List.of("app", "dr"), names(tokyo.zoneVpcs()));
    assertEquals(List.of("app", "ss-tools"), names(tokyo.stagingVpcs()));
    assertEquals(Map.of("app", List.of("10.20.0.0/16"), "ss-tools", List.of("10.20.0.0/16")), tokyo.replicationCidrs());
    assertEquals(List.of("10.10.0.0/16", "10.20.0.0/16"), tokyo.httpsCidrs());
    assertEquals("drs.ap-northeast-1.amazonaws.com", tokyo.zoneName("drs"));
    assertEquals("com.amazonaws.ap-northeast-1.s3", tokyo.endpointServiceName("s3"));

    ReplicationModel.Hub osaka = model.hub("ap-northeast-3").orElseThrow();
    assertEquals("dr", osaka.vpc().nameValue());
    assertFalse(osaka.failbackOnly());
    assertEquals("dr", osaka.zoneHome().nameValue());
    assertEquals(List.of("app", "ss-tools"), names(osaka.associations()));
    assertEquals(List.of("10.10.0.0/16", "10.11.0.0/16", "10.20.0.0/16"), osaka.httpsCidrs());

    assertEquals(List.of("ap-northeast-1/prod/app", "ap-northeast-1/shared-services/ss-tools", "ap-northeast-3/dr/dr"), sites(model.templateSites()));
    assertEquals(List.of("ap-northeast-1/prod/app", "ap-northeast-1/shared-services/ss-tools"), sites(model.failbackSites()));
    assertEquals(List.of("app", "ss-tools"), model.failbackLandings(model.topology().replications().get(0)).stream().map(Vpc::nameValue).toList());

    assertEquals(
        List.of(
            "dns_ap_northeast_1_app", "dns_ap_northeast_3_app", "dns_ap_northeast_3_ss_tools", "dns_drs_ap_northeast_1", "dns_drs_ap_northeast_3", "dns_s3_ap_northeast_1",
            "dns_s3_ap_northeast_3", "endpoints_app", "endpoints_dr", "replication_sg_app", "replication_sg_dr", "replication_sg_ss_tools"),
        model.labels());
    assertEquals("failback-accounts-ss-tools-replication", model.replicationGroupName(tokyo.stagingVpcs().get("ss-tools")));
  }

  /** Three sources of two accounts fan into one target; failback lands in the source account's hub in each region. */
  @Test
  void crossAccountFanIn() throws IOException {
    ReplicationModel model = ReplicationModel.of(valid(Path.of("src/test/resources/golden/cross-account-fan-in/topology.yaml")));

    assertEquals(
        List.of(
            "everything-to-oregon: east => recovery", "everything-to-oregon: east-batch => recovery", "everything-to-oregon: ops => recovery",
            "everything-to-oregon: recovery =back=> ops", "everything-to-oregon: recovery =back=> east"),
        flows(model));
    // As written, failback follows the order of the sources.
    assertEquals(List.of("east", "ops"), model.flowsAsWritten().stream().filter(ReplicationModel.Flow::failback).map(f -> f.staging().nameValue()).toList());
    assertEquals(List.of("eu-west-1", "us-east-1", "us-west-2"), List.copyOf(model.hubs().keySet()));

    ReplicationModel.Hub oregon = model.hub("us-west-2").orElseThrow();
    assertEquals("recovery", oregon.vpc().nameValue());
    assertEquals(List.of("east", "east-batch", "ops"), names(oregon.associations()));
    assertEquals(List.of("10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16"), oregon.replicationCidrs().get("recovery"));
    assertEquals(List.of("10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.9.0.0/16"), oregon.httpsCidrs());

    // east hosts the failback of us-east-1 (east-batch has no subnets for it): a failback-only hub.
    ReplicationModel.Hub virginia = model.hub("us-east-1").orElseThrow();
    assertEquals("east", virginia.vpc().nameValue());
    assertTrue(virginia.failbackOnly());
    assertEquals("recovery", virginia.zoneHome().nameValue());
    assertEquals(List.of("east"), names(virginia.associations()));

    assertEquals(List.of("eu-west-1/dr/ops", "us-east-1/prod/east"), sites(model.failbackSites()));
  }

  /** The validator runs the model on files with every kind of dangling name: it must answer, not throw. */
  @Test
  void unresolvedNamesAreSkipped() {
    Topology t =
        read(
            """
            version: 1
            name: broken
            regions:
              - name: us-east-1
                endpoints_vpc: nowhere
                vpcs:
                  - name: east
                    id: vpc-0a000000000000001
                    cidr: 10.1.0.0/16
              - name: us-west-2
                vpcs:
                  - name: west
                    id: vpc-0a000000000000002
                    cidr: 10.2.0.0/16
              - name: xx-nowhere-9
                vpcs:
                  - name: odd
                    id: vpc-0a000000000000003
                    cidr: 10.3.0.0/16
            connectivity:
              - type: vpc_peering
                vpcs: [east, ghost]
            replication:
              - name: to-ghost
                sources: [east]
                target: ghost
                failback: true
              - name: from-ghosts
                sources: [ghost, east, east, phantom-dc]
                target: west
                failback: true
              - name: into-odd
                sources: [west]
                target: odd
                failback: true
            """);
    ReplicationModel model = ReplicationModel.of(t);

    assertEquals(List.of("from-ghosts: east => west", "into-odd: west => odd"), flows(model).stream().filter(f -> !f.contains("=back=>")).toList());
    // east cannot host staging, so from-ghosts has no failback landing (DRS088); the rest is skipped, not thrown on.
    assertTrue(model.failbackLandings(t.replications().get(0)).isEmpty());
    assertTrue(model.failbackLandings(t.replications().get(1)).isEmpty());
    assertEquals(List.of("us-west-2", "xx-nowhere-9"), List.copyOf(model.hubs().keySet()));
    ReplicationModel.Hub odd = model.hub("xx-nowhere-9").orElseThrow();
    assertTrue(odd.partition().isEmpty());
    assertEquals("drs.xx-nowhere-9", odd.zoneName("drs"));
    assertEquals(List.of("into-odd: odd =back=> west"), flows(model).stream().filter(f -> f.contains("=back=>")).toList());
    assertFalse(model.labels().isEmpty());
  }
}
