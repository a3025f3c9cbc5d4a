package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.emulator.ProviderOverride;
import harness.terraform.Cleanup;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
import harness.terraform.ToolException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The DRS stand-in (src/harness/emulator/src/main/resources/harness/emulator/moto/drs_standin.py) behaves as AWS does for what the
 * suite relies on. Through the real tofu and provider on a handwritten root
 * (src/test/resources/e2e/drs/root): a template cannot be made before DRS is initialized, and after
 * that one per region is created, read back with no changes, updated, retagged and destroyed.
 * Through raw signed requests, the refusals the provider never provokes itself: a second template
 * in one account and region, an uninitialized account, invalid values.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrsStandInIT {

  private static final String OSAKA = "ap-northeast-3";
  private static final String SINGAPORE = "ap-southeast-1";
  private static final String TEMPLATE = "DescribeReplicationConfigurationTemplates";

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path fixture = Workspace.projectDir().resolve("src/test/resources/e2e/drs/root");
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

  @Test
  void providerManagesTemplatesOnlyAfterInitializationOnePerRegion() {
    try (Workspace ws = Workspace.create("drs-standin")) {
      Path root = ws.resolve("root");
      Workspace.copyTree(fixture, root);
      Terraform tf = terraform(root, 0, "{Team=\"dr\",Stage=\"one\"}");
      tf.init();
      ProviderOverride.write(root);

      ToolException refused = assertThrows(ToolException.class, tf::apply);
      assertTrue(
          refused.getMessage().contains("UninitializedAccountException"),
          "before InitializeService the provider's create must fail as AWS fails it: "
              + refused.getMessage());

      moto.drs().initialize(AwsCreds.TEST, OSAKA);
      moto.drs().initialize(AwsCreds.TEST, SINGAPORE);
      boolean destroyed = false;
      try {
        tf.apply();
        JsonNode osaka = only(OSAKA);
        assertEquals(
            tf.output("osaka_id").asText(),
            osaka.path("replicationConfigurationTemplateID").asText());
        assertEquals("subnet-0a1b2c3d4e5f60001", osaka.path("stagingAreaSubnetId").asText());
        assertEquals("PRIVATE_IP", osaka.path("dataPlaneRouting").asText());
        assertEquals(3, osaka.path("pitPolicy").size());
        assertEquals(Map.of("Team", "dr", "Stage", "one"), tags(tf.output("osaka_arn").asText()));
        JsonNode singapore = only(SINGAPORE);
        assertEquals(14, singapore.path("pitPolicy").get(2).path("retentionDuration").asInt());

        assertEquals(0, tf.plan().exitCode(), "read back, the templates must need no change");

        // Update and retag: UpdateReplicationConfigurationTemplate, TagResource, UntagResource.
        Terraform changed = terraform(root, 50, "{Team=\"dr\",Owner=\"ops\"}");
        changed.apply();
        assertEquals(50, only(OSAKA).path("bandwidthThrottling").asInt());
        assertEquals(Map.of("Team", "dr", "Owner", "ops"), tags(tf.output("osaka_arn").asText()));
        assertEquals(0, changed.plan().exitCode(), "after the update the plan must be clean");

        changed.destroy();
        destroyed = true;
        assertEquals(List.of(), moto.drs().templates(AwsCreds.TEST, OSAKA));
        assertEquals(List.of(), moto.drs().templates(AwsCreds.TEST, SINGAPORE));
      } finally {
        if (!destroyed) {
          tf.destroyQuietly("drs-standin");
        }
      }
    }
  }

  @Test
  void everyCallBeforeInitializeServiceFailsAsUninitialized() {
    for (String op :
        List.of(
            TEMPLATE,
            "CreateReplicationConfigurationTemplate",
            "UpdateReplicationConfigurationTemplate",
            "DeleteReplicationConfigurationTemplate")) {
      SignedHttp.Reply r = moto.drs().call(AwsCreds.TEST, OSAKA, op, "{}");
      assertEquals(400, r.status(), op + ": " + r.body());
      assertEquals("UninitializedAccountException", r.errorType(), op + ": " + r.body());
    }
    moto.drs().initialize(AwsCreds.TEST, OSAKA);
    assertEquals(200, moto.drs().call(AwsCreds.TEST, OSAKA, TEMPLATE, "{}").status());
    // Initialization is per region and per account.
    assertEquals(
        "UninitializedAccountException",
        moto.drs().call(AwsCreds.TEST, SINGAPORE, TEMPLATE, "{}").errorType());
    AwsCreds other = otherAccount();
    assertEquals(
        "UninitializedAccountException",
        moto.drs().call(other, OSAKA, TEMPLATE, "{}").errorType());
    // A reset of moto forgets DRS as well.
    server.reset();
    assertEquals(
        "UninitializedAccountException",
        moto.drs().call(AwsCreds.TEST, OSAKA, TEMPLATE, "{}").errorType());
  }

  /**
   * Source servers (rules 11-13): a server takes the template's settings when its agent registers it and
   * keeps its own after that; DescribeSourceServers pages with nextToken and refuses filters DRS does not
   * have; an unknown server is ResourceNotFoundException.
   */
  @Test
  void sourceServersKeepTheSettingsTheyWereAddedWith() {
    MotoDrs drs = moto.drs();
    drs.initialize(AwsCreds.TEST, OSAKA);
    SignedHttp.Reply noTemplate = drs.call(AwsCreds.TEST, OSAKA, "drs-standin/RegisterSourceServer", "{\"hostname\":\"early\"}");
    assertEquals(400, noTemplate.status(), "the stand-in has no AWS defaults to give a server added before the template");
    SignedHttp.Reply made = create(AwsCreds.TEST, OSAKA, validTemplate());
    assertEquals(201, made.status(), made.body());
    String templateId = drs.parse(made.body()).path("replicationConfigurationTemplateID").asText();
    List<String> ids = new java.util.ArrayList<>();
    for (String host : List.of("a", "b", "c")) {
      ids.add(drs.registerSourceServer(AwsCreds.TEST, OSAKA, host));
    }
    assertTrue(ids.stream().allMatch(i -> i.matches("s-[0-9a-zA-Z]{17}")), ids::toString);
    // Rule 14: DRS's EC2 launch template for the server, in EC2 of the same account and region, naming no subnet.
    JsonNode launch = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "GetLaunchConfiguration", "{\"sourceServerID\":\"" + ids.get(0) + "\"}").body());
    String launchTemplate = launch.path("ec2LaunchTemplateID").asText();
    var versions = moto.ec2(OSAKA, AwsCreds.TEST).describeLaunchTemplateVersions(r -> r.launchTemplateId(launchTemplate).versions("$Default")).launchTemplateVersions();
    assertEquals(1, versions.size(), launch.toString());
    assertTrue(versions.get(0).launchTemplateData().networkInterfaces().isEmpty(), versions.toString());

    JsonNode settings = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "GetReplicationConfiguration", "{\"sourceServerID\":\"" + ids.get(0) + "\"}").body());
    JsonNode template = drs.templates(AwsCreds.TEST, OSAKA).get(0);
    for (String field : List.of("dataPlaneRouting", "createPublicIP", "stagingAreaSubnetId", "replicationServersSecurityGroupsIDs")) {
      assertEquals(template.path(field), settings.path(field), field + " copied from the template");
    }

    // A template change reaches no server added before it; a server's own change reaches only it.
    SignedHttp.Reply updated = drs.call(AwsCreds.TEST, OSAKA, "UpdateReplicationConfigurationTemplate",
        "{\"replicationConfigurationTemplateID\":\"" + templateId + "\",\"dataPlaneRouting\":\"PUBLIC_IP\"}");
    assertEquals(200, updated.status(), updated.body());
    drs.updateReplicationConfiguration(AwsCreds.TEST, OSAKA, ids.get(1), "\"createPublicIP\":true");
    JsonNode first = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "GetReplicationConfiguration", "{\"sourceServerID\":\"" + ids.get(0) + "\"}").body());
    JsonNode second = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "GetReplicationConfiguration", "{\"sourceServerID\":\"" + ids.get(1) + "\"}").body());
    assertEquals(settings.path("dataPlaneRouting"), first.path("dataPlaneRouting"));
    assertEquals(false, first.path("createPublicIP").asBoolean());
    assertEquals(true, second.path("createPublicIP").asBoolean());

    // Pages of two, then the rest; every server once.
    JsonNode page1 = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "DescribeSourceServers", "{\"filters\":{}}").body());
    assertEquals(2, page1.path("items").size());
    String token = page1.path("nextToken").asText();
    JsonNode page2 = drs.parse(drs.call(AwsCreds.TEST, OSAKA, "DescribeSourceServers", "{\"filters\":{},\"nextToken\":\"" + token + "\"}").body());
    assertEquals(1, page2.path("items").size());
    assertTrue(page2.path("nextToken").isMissingNode(), page2.toString());
    List<String> listed = new java.util.ArrayList<>();
    page1.path("items").forEach(i -> listed.add(i.path("sourceServerID").asText()));
    page2.path("items").forEach(i -> listed.add(i.path("sourceServerID").asText()));
    assertEquals(ids.stream().sorted().toList(), listed.stream().sorted().toList());

    SignedHttp.Reply archived = drs.call(AwsCreds.TEST, OSAKA, "DescribeSourceServers", "{\"filters\":{\"isArchived\":false}}");
    assertEquals(400, archived.status(), "isArchived is MGN's filter, not DRS's");
    assertEquals("ValidationException", archived.errorType());
    SignedHttp.Reply unknown = drs.call(AwsCreds.TEST, OSAKA, "GetReplicationConfiguration", "{\"sourceServerID\":\"s-00000000000000000\"}");
    assertEquals(404, unknown.status());
    assertEquals("ResourceNotFoundException", unknown.errorType());
    drs.initialize(otherAccount(), OSAKA);
    SignedHttp.Reply otherAccount = drs.call(otherAccount(), OSAKA, "DescribeSourceServers", "{}");
    assertEquals(200, otherAccount.status(), otherAccount.body());
    assertEquals(0, drs.parse(otherAccount.body()).path("items").size(), "accounts stay apart");
  }

  @Test
  void oneTemplatePerAccountAndRegion() {
    moto.drs().initialize(AwsCreds.TEST, OSAKA);
    SignedHttp.Reply first = create(AwsCreds.TEST, OSAKA, validTemplate());
    assertEquals(201, first.status(), first.body());
    JsonNode made = moto.drs().parse(first.body());
    assertTrue(
        made.path("replicationConfigurationTemplateID").asText().matches("rct-[0-9a-zA-Z]{17}"));
    assertEquals(
        "arn:aws:drs:" + OSAKA + ":" + moto.accountOf(AwsCreds.TEST)
            + ":replication-configuration-template/"
            + made.path("replicationConfigurationTemplateID").asText(),
        made.path("arn").asText());

    SignedHttp.Reply second = create(AwsCreds.TEST, OSAKA, validTemplate());
    assertEquals(402, second.status(), second.body());
    assertEquals("ServiceQuotaExceededException", second.errorType());
    assertEquals(1, moto.drs().templates(AwsCreds.TEST, OSAKA).size());

    moto.drs().initialize(AwsCreds.TEST, SINGAPORE);
    assertEquals(201, create(AwsCreds.TEST, SINGAPORE, validTemplate()).status());

    AwsCreds other = otherAccount();
    moto.drs().initialize(other, OSAKA);
    SignedHttp.Reply otherAccount = create(other, OSAKA, validTemplate());
    assertEquals(201, otherAccount.status(), otherAccount.body());
    assertTrue(
        moto.drs().parse(otherAccount.body()).path("arn").asText().contains(":111122223333:"),
        otherAccount.body());
    assertEquals(1, moto.drs().templates(AwsCreds.TEST, OSAKA).size(), "accounts stay apart");
  }

  @Test
  void invalidValuesAreRefusedWithTheFieldNamed() {
    moto.drs().initialize(AwsCreds.TEST, OSAKA);
    Map<String, Map<String, Object>> cases = new TreeMap<>();
    cases.put("ebsEncryption", with("ebsEncryption", "SOMETIMES"));
    cases.put("dataPlaneRouting", with("dataPlaneRouting", "PRIVATE"));
    cases.put("defaultLargeStagingDiskType", with("defaultLargeStagingDiskType", "IO2"));
    cases.put("replicationServerInstanceType", with("replicationServerInstanceType", null));
    cases.put("stagingAreaSubnetId", with("stagingAreaSubnetId", "sn-12345678"));
    cases.put("bandwidthThrottling", with("bandwidthThrottling", -1));
    cases.put("stagingAreaTags", with("stagingAreaTags", Map.of("aws:owner", "x")));
    cases.put(
        "pitPolicy",
        with(
            "pitPolicy",
            List.of(
                rule(1, 10, 61, "MINUTE"), rule(2, 1, 24, "HOUR"), rule(3, 1, 7, "DAY"))));
    cases.put(
        "pitPolicy (days)",
        with(
            "pitPolicy",
            List.of(
                rule(1, 10, 60, "MINUTE"), rule(2, 1, 24, "HOUR"), rule(3, 1, 366, "DAY"))));
    cases.forEach(
        (field, body) -> {
          SignedHttp.Reply r = create(AwsCreds.TEST, OSAKA, body);
          assertEquals(400, r.status(), field + ": " + r.body());
          assertEquals("ValidationException", r.errorType(), field);
          JsonNode error = moto.drs().parse(r.body());
          assertEquals("fieldValidationFailed", error.path("reason").asText(), field);
          assertTrue(
              error.path("fieldList").get(0).path("name").asText().startsWith(field.split(" ")[0]),
              field + ": " + r.body());
        });
    assertEquals(List.of(), moto.drs().templates(AwsCreds.TEST, OSAKA), "nothing was created");
  }

  private Terraform terraform(Path root, int bandwidth, String tags) {
    TerraformOptions options =
        TerraformOptions.builder(root)
            .env(ProviderOverride.environment(server.endpoint()))
            .var("osaka_subnet_id", "subnet-0a1b2c3d4e5f60001")
            .var("osaka_security_group_id", "sg-0a1b2c3d4e5f60001")
            .var("singapore_subnet_id", "subnet-0a1b2c3d4e5f60002")
            .var("singapore_security_group_id", "sg-0a1b2c3d4e5f60002")
            .var("bandwidth_throttling", String.valueOf(bandwidth))
            .var("tags", tags)
            .build();
    return new Terraform(runtime, options, json);
  }

  private JsonNode only(String region) {
    List<JsonNode> all = moto.drs().templates(AwsCreds.TEST, region);
    assertEquals(1, all.size(), "templates in " + region + ": " + all);
    return all.get(0);
  }

  private Map<String, String> tags(String arn) {
    SignedHttp.Reply r =
        moto.drs()
            .call(
                AwsCreds.TEST,
                OSAKA,
                "GET",
                "tags/" + URLEncoder.encode(arn, StandardCharsets.UTF_8),
                "");
    assertEquals(200, r.status(), r.body());
    Map<String, String> out = new TreeMap<>();
    moto.drs()
        .parse(r.body())
        .path("tags")
        .fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private AwsCreds otherAccount() {
    return new MotoSts(server.endpoint())
        .assumeRole(AwsCreds.TEST, "arn:aws:iam::111122223333:role/dr", "drs-standin-it");
  }

  private SignedHttp.Reply create(AwsCreds as, String region, Map<String, Object> body) {
    try {
      String text = json.writeValueAsString(body);
      return moto.drs().call(as, region, "CreateReplicationConfigurationTemplate", text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A template as the provider sends it for drslink's module. */
  private static Map<String, Object> validTemplate() {
    Map<String, Object> t = new TreeMap<>();
    t.put("associateDefaultSecurityGroup", false);
    t.put("bandwidthThrottling", 0);
    t.put("createPublicIP", false);
    t.put("dataPlaneRouting", "PRIVATE_IP");
    t.put("defaultLargeStagingDiskType", "GP3");
    t.put("ebsEncryption", "DEFAULT");
    t.put(
        "pitPolicy",
        List.of(rule(1, 10, 60, "MINUTE"), rule(2, 1, 24, "HOUR"), rule(3, 1, 7, "DAY")));
    t.put("replicationServerInstanceType", "t3.small");
    t.put("replicationServersSecurityGroupsIDs", List.of("sg-0a1b2c3d4e5f60001"));
    t.put("stagingAreaSubnetId", "subnet-0a1b2c3d4e5f60001");
    t.put("stagingAreaTags", Map.of("Name", "staging"));
    t.put("useDedicatedReplicationServer", false);
    t.put("tags", Map.of("ManagedBy", "drslink"));
    return t;
  }

  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> t = validTemplate();
    if (value == null) {
      t.remove(field);
    } else {
      t.put(field, value);
    }
    return t;
  }

  private static Map<String, Object> rule(int id, int interval, int retention, String units) {
    return Map.of(
        "ruleID", id, "enabled", true, "interval", interval, "retentionDuration", retention,
        "units", units);
  }
}
