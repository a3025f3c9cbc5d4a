package drslink.e2e;

import static drslink.e2e.ExamplesE2EIT.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.emulator.ProviderOverride;
import harness.terraform.AppliedRoot;
import harness.terraform.AppliedRoots;
import harness.terraform.Cleanup;
import harness.terraform.Plan;
import harness.terraform.ResourceChange;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The harness proven on a small handwritten root (src/test/resources/e2e/fixture), independent of
 * the generator: the full Terratest cycle, {@code -exclude}, outputs and state. That a failing
 * command surfaces with tofu's own message is TerraformMessagesTest's job, with a fake runner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HarnessIT {

  private static final String ASSOCIATION = "aws_route53_zone_association.source";

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path fixture = Workspace.projectDir().resolve("src/test/resources/e2e/fixture");
  private ToolRuntime runtime;
  private MotoServer server;
  private MotoFixture moto;

  /** Destroys a root a failed test left applied (before its workspace goes and moto is reset). */
  @RegisterExtension final AppliedRoots roots = new AppliedRoots();

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
  void handwrittenRootGoesThroughTheWholeCycle() throws IOException {
    // Deleted after the test, after the cleanup destroy of a root applied in it.
    Workspace ws = roots.register(Workspace.create("harness-cycle"));
    SeededTopology seeded = seed();
    Terraform tf = terraform(ws, seeded);
    Path root = tf.options().dir();

    tf.fmtCheck();
    tf.init();
    ProviderOverride.write(root);
    assertNoFindings("override", EgressChecks.overrideCoversEveryProvider(root));
    tf.validate();

    Plan plan = tf.plan();
    assertEquals(2, plan.exitCode());
    assertEquals(
        Set.of(
            "aws_security_group.endpoint",
            "aws_vpc_security_group_ingress_rule.https",
            "aws_vpc_endpoint.drs",
            "aws_route53_zone.drs",
            "aws_route53_record.drs",
            ASSOCIATION),
        plan.resourceChanges().stream().map(ResourceChange::address).collect(Collectors.toSet()));
    ResourceChange ep = plan.ofType("aws_vpc_endpoint").get(0);
    assertEquals("com.amazonaws.ap-northeast-3.drs", ep.afterText("service_name"));
    assertEquals(List.of("create"), ep.actions());
    assertEquals("false", ep.afterText("private_dns_enabled"));
    assertTrue(ep.isUnknown("dns_entry"), "dns_entry is known only after apply");
    assertNoFindings(
        "provider configs",
        EgressChecks.providerConfigsPointAtMoto(plan, tf.environment(), server.endpoint()));

    // -exclude (a harness feature: Terratest's options have it too) leaves the association out
    // of apply, and the follow-up plan with the same exclusion is clean. The root is destroyed
    // after the test by the AppliedRoots extension if an assertion below fails first.
    AppliedRoot applied = roots.apply(tf, List.of(ASSOCIATION));
    JsonNode state = tf.show();
    assertFalse(state.toString().contains(ASSOCIATION), "excluded resource must not be in state");
    Set<String> planned =
        plan.resourceChanges().stream().map(ResourceChange::address).collect(Collectors.toSet());
    planned.removeAll(addressesIn(state.path("values").path("root_module")));
    assertEquals(Set.of(ASSOCIATION), planned, "only the excluded resource is missing");
    Plan again = tf.plan(List.of(ASSOCIATION));
    assertEquals(0, again.exitCode(), "second plan must be clean: " + again.pendingChanges());
    assertEquals(2, tf.plan().exitCode(), "without the exclusion the association is still to do");

    Map<String, JsonNode> outputs = tf.outputs();
    String endpointId = outputs.get("endpoint_id").asText();
    assertTrue(endpointId.startsWith("vpce-"), endpointId);
    assertEquals(outputs.get("zone_id"), tf.output("zone_id"));
    // The private zone (moto needs the launcher's fix for this) holds the target VPC only.
    Set<String> associated =
        moto
            .route53(AwsCreds.TEST)
            .getHostedZone(r -> r.id(outputs.get("zone_id").asText()))
            .vpCs()
            .stream()
            .map(v -> v.vpcId())
            .collect(Collectors.toSet());
    assertEquals(Set.of(seeded.topology().vpc("dr").id()), associated);

    applied.destroy();
    Expectations none = Expectations.of(seeded.topology());
    assertNoFindings("moto after destroy", new MotoAssertions(moto, seeded, none).afterDestroy());
  }

  /**
   * The provider listens on a unix socket in tofu's TMPDIR, and a socket path has at most 107
   * bytes. Stops 7 and 8 failed in CI because TMPDIR lay inside the workspace: the longest case name
   * in a 4-character-longer checkout path crossed the limit, and the provider exited before its
   * handshake ("Failed to read any lines from plugin's stdout").
   */
  @Test
  void rootDeeperThanASocketPathStillValidates() throws IOException {
    int projectPath = Workspace.projectDir().toString().length();
    String label = "harness-deep-" + "d".repeat(Math.max(0, 120 - projectPath));
    try (Workspace ws = Workspace.create(label)) {
      Terraform tf = terraform(ws, seed());
      Path root = tf.options().dir();
      assertTrue(root.toString().length() > 120, root.toString());
      tf.init();
      ProviderOverride.write(root);
      tf.validate();
    }
  }

  private SeededTopology seed() throws IOException {
    String text = Files.readString(fixture.resolve("topology.yaml"), StandardCharsets.UTF_8);
    return moto.seed(text);
  }

  private Terraform terraform(Workspace ws, SeededTopology seeded) {
    Path root = ws.resolve("root");
    Workspace.copyTree(fixture.resolve("root"), root);
    TopologyTree t = seeded.topology();
    TerraformOptions options =
        TerraformOptions.builder(root)
            .env(ProviderOverride.environment(server.endpoint()))
            .var("name", t.name())
            .var("source_vpc_id", t.vpc("app").id())
            .var("source_cidr", t.vpc("app").primaryCidr())
            .var("target_vpc_id", t.vpc("dr").id())
            .var("endpoint_subnet_ids", toHclList(t.vpc("dr").endpointSubnetIds()))
            .build();
    return new Terraform(runtime, options, json);
  }

  private static Set<String> addressesIn(JsonNode module) {
    Set<String> out = new HashSet<>();
    module.path("resources").forEach(r -> out.add(r.path("address").asText()));
    module.path("child_modules").forEach(m -> out.addAll(addressesIn(m)));
    return out;
  }

  private static String toHclList(List<String> items) {
    return items.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(",", "[", "]"));
  }
}
