package drslink.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Located;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.TerraformSettings;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import drslink.validate.TopologyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyReaderTest {
  private static final String TOKYO_OSAKA = "examples/tokyo-osaka/topology.yaml";
  private static final String FAN_IN = "examples/fan-in/topology.yaml";

  private final Diagnostics diagnostics = new Diagnostics();

  private Optional<Topology> read(String file, String text) {
    return new YamlTreeReader(YamlLimits.DEFAULT)
        .read(file, text, diagnostics)
        .flatMap(root -> new TopologyReader(diagnostics).read(file, root));
  }

  private Topology readExample(String file) throws IOException {
    Topology topology = read(file, Files.readString(Path.of(file))).orElseThrow(() -> new AssertionError(lines()));
    new TopologyValidator().validate(topology, diagnostics);
    assertFalse(diagnostics.hasErrors(), lines().toString());
    return topology;
  }

  private Topology readValid(String text) {
    Topology topology = read("t.yaml", text).orElseThrow(() -> new AssertionError(lines()));
    assertEquals(List.of(), lines());
    return topology;
  }

  private List<String> lines() {
    return diagnostics.sorted().stream().map(Diagnostic::format).toList();
  }

  private static List<String> values(List<Located<String>> located) {
    return located.stream().map(Located::value).toList();
  }

  /** Where {@code text} starts in the file, 1-based, so the test follows edits to the example. */
  private static SourceLocation find(String file, String line, String text) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(file));
    int index = lines.indexOf(line);
    assertTrue(index >= 0, "the example still has the line: " + line);
    return new SourceLocation(file, index + 1, lines.get(index).indexOf(text) + 1);
  }

  @Test
  void readsTheTokyoOsakaExampleIntoTheTypedModel() throws IOException {
    Topology t = readExample(TOKYO_OSAKA);

    assertEquals(1, t.version().value());
    assertEquals("tokyo-osaka", t.name().value());
    assertEquals(Map.of("Project", "disaster-recovery", "Owner", "platform-team"), Map.of("Project", t.tags().get("Project").value(), "Owner", t.tags().get("Owner").value()));
    assertEquals(2, t.tags().size());
    assertEquals(List.of(), t.accounts());
    assertEquals(TerraformSettings.DEFAULT_REQUIRED_VERSION, t.terraform().requiredVersion().value());
    assertEquals(TerraformSettings.DEFAULT_AWS_PROVIDER_VERSION, t.terraform().awsProviderVersion().value());
    assertEquals(List.of("ap-northeast-1", "ap-northeast-3"), t.regions().stream().map(r -> r.name().value()).toList());

    Vpc app = t.vpc("app").orElseThrow();
    assertEquals("ap-northeast-1", app.region());
    assertEquals("vpc-0a1b2c3d4e5f67890", app.id().value());
    assertEquals(List.of("10.10.0.0/16"), app.cidrValues());
    assertEquals(List.of("rtb-0123456789abcdef0"), values(app.routeTableIds()));
    assertEquals(List.of(), app.endpointSubnetIds());
    assertNull(app.stagingSubnetId());
    assertNull(app.account());
    assertFalse(app.canHostStaging());
    assertEquals(find(TOKYO_OSAKA, "      - name: app", "app"), app.name().at());
    assertEquals(find(TOKYO_OSAKA, "        cidr: 10.10.0.0/16", "10.10"), app.cidrs().get(0).at());

    Vpc dr = t.vpc("dr").orElseThrow();
    assertEquals("ap-northeast-3", dr.region());
    assertEquals("vpc-0fedcba9876543210", dr.id().value());
    assertEquals(List.of("10.20.0.0/16"), dr.cidrValues());
    assertEquals(List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"), values(dr.endpointSubnetIds()));
    assertEquals("subnet-0cccccccccccccccc", dr.stagingSubnetId().value());
    assertTrue(dr.canHostStaging());

    assertEquals(1, t.connectivity().size());
    VpcPeering peering = assertInstanceOf(VpcPeering.class, t.connectivity().get(0));
    assertEquals(List.of("app", "dr"), values(peering.vpcs()));
    assertTrue(peering.links("dr", "app"));

    assertEquals(1, t.replications().size());
    Replication r = t.replications().get(0);
    assertEquals("app-to-osaka", r.nameValue());
    assertEquals(List.of("app"), r.sourceNames());
    assertEquals("dr", r.target().value());
    assertNull(r.failback(), "not written");
    assertFalse(r.failbackEnabled());
    ReplicationSettings s = r.settings();
    assertEquals("t3.small", s.replicationServerInstanceType().value());
    assertEquals("DEFAULT", s.ebsEncryption().value());
    assertNull(s.ebsEncryptionKeyArn());
    assertEquals(0, s.bandwidthThrottling().value());
    assertEquals(7, s.pitRetentionDays().value());
    assertEquals(find(TOKYO_OSAKA, "      pit_retention_days: 7", "7"), s.pitRetentionDays().at());
  }

  @Test
  void readsTheFanInExampleIntoTheTypedModel() throws IOException {
    Topology t = readExample(FAN_IN);

    assertEquals("fan-in", t.name().value());
    assertEquals(List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3"), t.regions().stream().map(r -> r.name().value()).toList());
    assertEquals(List.of("web", "erp", "billing", "recovery"), t.vpcs().stream().map(Vpc::nameValue).toList());
    assertEquals(List.of("rtb-0a1b2c3d4e5f60001", "rtb-0a1b2c3d4e5f60002"), values(t.vpc("web").orElseThrow().routeTableIds()));
    assertTrue(t.vpc("web").orElseThrow().canHostStaging(), "failback lands in web");
    assertEquals(3, t.vpc("recovery").orElseThrow().endpointSubnetIds().size());
    assertEquals(List.of(), t.vpc("billing").orElseThrow().routeTableIds());

    List<Connectivity> links = t.connectivity();
    assertEquals(List.of("vpc_peering", "vpc_peering", "existing"), links.stream().map(Connectivity::type).toList());
    assertInstanceOf(ExistingLink.class, links.get(2));
    assertEquals(List.of("billing", "recovery"), values(links.get(2).vpcs()));

    Replication tokyo = t.replications().get(0);
    assertEquals("tokyo-to-osaka", tokyo.nameValue());
    assertEquals(List.of("web", "erp"), tokyo.sourceNames());
    assertEquals("recovery", tokyo.target().value());
    assertTrue(tokyo.failbackEnabled());
    assertNull(tokyo.settings());
    Replication seoul = t.replications().get(1);
    assertEquals(List.of("billing"), seoul.sourceNames());
    assertEquals(Boolean.FALSE, seoul.failback().value());
  }

  @Test
  void fillsSettingsDefaultsAtTheSettingsBlock() {
    Topology t = readValid(minimal("    settings:\n      pit_retention_days: 30\n"));

    ReplicationSettings s = t.replications().get(0).settings();
    assertEquals(30, s.pitRetentionDays().value());
    assertEquals(ReplicationSettings.DEFAULT_INSTANCE_TYPE, s.replicationServerInstanceType().value());
    assertEquals(ReplicationSettings.DEFAULT_EBS_ENCRYPTION, s.ebsEncryption().value());
    assertEquals(ReplicationSettings.DEFAULT_BANDWIDTH_THROTTLING, s.bandwidthThrottling().value());
    assertEquals(s.at(), s.ebsEncryption().at(), "a default points at the block it belongs to");
  }

  @Test
  void readsAccountsWithQuotedAndUnquotedIds() {
    Topology t =
        readValid(
            "accounts:\n  - name: prod\n    id: \"011122223333\"\n    role_arn: arn:aws:iam::011122223333:role/terraform\n  - name: dr\n    id: 444455556666\n"
                + minimal("").replace("        cidr: 10.20.0.0/16\n", "        cidr: 10.20.0.0/16\n        account: dr\n"));

    assertEquals("011122223333", t.account("prod").orElseThrow().id().value());
    assertEquals("arn:aws:iam::011122223333:role/terraform", t.account("prod").orElseThrow().roleArn().value());
    assertEquals("444455556666", t.account("dr").orElseThrow().id().value(), "an unquoted id is kept as written");
    assertNull(t.account("dr").orElseThrow().roleArn());
    assertEquals("dr", t.vpc("dr").orElseThrow().account().value());
  }

  @Test
  void readsTransitGatewaysKeyedByRegion() {
    Topology t =
        readValid(
            minimal("")
                .replace(
                    "  - type: vpc_peering\n",
                    "  - type: transit_gateway\n    transit_gateways:\n"
                        + "      ap-northeast-1: { id: tgw-0123456789abcdef0, route_table_id: tgw-rtb-0123456789abcdef0, attachment_id: tgw-attach-0123456789abcdef0 }\n"
                        + "      ap-northeast-3: { id: tgw-0fedcba9876543210, route_table_id: tgw-rtb-0fedcba9876543210, attachment_id: tgw-attach-0fedcba9876543210 }\n"));

    TransitGatewayLink tgw = assertInstanceOf(TransitGatewayLink.class, t.connectivity().get(0));
    TransitGatewaySide osaka = tgw.gateways().get("ap-northeast-3");
    assertEquals("tgw-0fedcba9876543210", osaka.id().value());
    assertEquals("tgw-rtb-0fedcba9876543210", osaka.routeTableId().value());
    assertEquals("tgw-attach-0fedcba9876543210", osaka.attachmentId().value());
    assertEquals("ap-northeast-3", osaka.region().value());
    assertEquals(new SourceLocation("t.yaml", 18, 5), tgw.gatewaysAt());
  }

  @Test
  void keepsTagValuesExactlyAsWritten() {
    Topology t =
        readValid(
            "tags:\n  Quote: 'say \"hi\"'\n  Backslash: 'C:\\temp\\'\n  Newline: \"a\\nb\"\n  Jndi: ${jndi:ldap://x/a}\n  Directive: \"%{if true}x%{endif}\"\n  Number: 42\n  Empty:\n"
                + minimal(""));

    assertEquals("say \"hi\"", t.tags().get("Quote").value());
    assertEquals("C:\\temp\\", t.tags().get("Backslash").value());
    assertEquals("a\nb", t.tags().get("Newline").value());
    assertEquals("${jndi:ldap://x/a}", t.tags().get("Jndi").value());
    assertEquals("%{if true}x%{endif}", t.tags().get("Directive").value());
    assertEquals("42", t.tags().get("Number").value());
    assertEquals("", t.tags().get("Empty").value(), "AWS allows an empty tag value");
  }

  @Test
  void refusesYaml11BooleanWordsInsteadOfReadingYesAsFalse() {
    // Regression: Boolean.valueOf("yes") is false, so "failback: yes" silently meant no failback.
    Topology t = read("t.yaml", minimal("").replace("    failback: true\n", "    failback: yes\n")).orElseThrow();

    assertNull(t.replications().get(0).failback());
    assertEquals(List.of("t.yaml:23:15: error: 'failback' must be true or false, found 'yes' (hint: write failback: true)"), lines());
  }

  @Test
  void acceptsTrueInTheSpellingsYamlAllows() {
    Topology t = readValid(minimal("").replace("    failback: true\n", "    failback: True\n"));

    assertTrue(t.replications().get(0).failbackEnabled());
  }

  @Test
  void refusesHexAndOctalLookingNumbers() {
    read("t.yaml", minimal("    settings:\n      pit_retention_days: 0x1F\n      bandwidth_throttling: 010\n"));

    assertEquals(
        List.of(
            "t.yaml:25:27: error: 'pit_retention_days' must be a whole number written in decimal, found 0x1F (hint: write it with the digits 0-9 only and no leading zero)",
            "t.yaml:26:29: error: 'bandwidth_throttling' must be a whole number written in decimal, found 010 (hint: write it with the digits 0-9 only and no leading zero)"),
        lines());
  }

  @Test
  void readsWholeNumbersWithSignAndUnderscores() {
    Topology t = readValid(minimal("    settings:\n      pit_retention_days: +30\n      bandwidth_throttling: 1_000\n"));

    assertEquals(30, t.replications().get(0).settings().pitRetentionDays().value());
    assertEquals(1000, t.replications().get(0).settings().bandwidthThrottling().value());
  }

  @Test
  void keepsAVpcWithoutCidrSoItsReferencesStillResolve() {
    Topology t = read("t.yaml", minimal("").replace("        cidr: 10.10.0.0/16\n", "")).orElseThrow();

    assertEquals(List.of(), t.vpc("app").orElseThrow().cidrs());
    assertEquals(1, lines().size(), lines().toString());
    assertTrue(lines().get(0).contains("missing required key 'cidr' in a VPC"));
  }

  @Test
  void keepsALinkOfUnknownTypeAsAnExistingLinkAfterReportingIt() {
    Topology t = read("t.yaml", minimal("").replace("type: vpc_peering", "type: peering")).orElseThrow();

    assertInstanceOf(ExistingLink.class, t.connectivity().get(0));
    assertEquals(List.of("t.yaml:17:11: error: unknown connectivity type 'peering' (hint: use vpc_peering, transit_gateway or existing)"), lines());
  }

  @Test
  void leavesTheGatewaysLocationOutWhenTheyCannotBeRead() {
    Topology t = read("t.yaml", minimal("").replace("type: vpc_peering", "type: transit_gateway")).orElseThrow();

    assertNull(assertInstanceOf(TransitGatewayLink.class, t.connectivity().get(0)).gatewaysAt());
    assertEquals(1, lines().size(), lines().toString());
  }

  @Test
  void reportsEveryUnknownKeyOnceWithASuggestion() {
    read("t.yaml", minimal("").replace("version: 1\n", "version: 1\nregion: x\nrepliction: y\n"));

    assertEquals(
        List.of(
            "t.yaml:2:1: error: unknown key 'region' in the topology (hint: did you mean 'regions'?)",
            "t.yaml:3:1: error: unknown key 'repliction' in the topology (hint: did you mean 'replication'?)"),
        lines());
  }

  @Test
  void refusesMergeKeysWithAClearMessage() {
    read("t.yaml", minimal("").replace("        cidr: 10.10.0.0/16\n", "        cidr: 10.10.0.0/16\n        <<: {account: prod}\n"));

    assertEquals(
        List.of("t.yaml:9:9: error: YAML merge keys ('<<') are not supported: drslink would not merge them (hint: write the keys out; an alias of a whole value (key: *name) does work)"),
        lines());
  }

  /** A valid two-region topology; {@code replicationTail} is appended to its only replication. */
  private static String minimal(String replicationTail) {
    return """
        version: 1
        name: minimal
        regions:
          - name: ap-northeast-1
            vpcs:
              - name: app
                id: vpc-0a1b2c3d4e5f67890
                cidr: 10.10.0.0/16
          - name: ap-northeast-3
            vpcs:
              - name: dr
                id: vpc-0fedcba9876543210
                cidr: 10.20.0.0/16
                endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
                staging_subnet_id: subnet-0cccccccccccccccc
        connectivity:
          - type: vpc_peering
            vpcs: [app, dr]
        replication:
          - name: app-to-osaka
            sources: [app]
            target: dr
            failback: true
        """
        + replicationTail;
  }
}
