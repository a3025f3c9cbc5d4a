package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.ProviderOverride;
import harness.terraform.Cleanup;
import harness.terraform.Plan;
import harness.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof: for every example and golden topology, the generated root is accepted by the real
 * tools and does what the topology asks, against moto.
 *
 * <p>seed moto with what the topology refers to, checked object by object ({@link SeededChecks});
 * generate; {@code tofu fmt -check -recursive}; init; validate; plan (checked fact by fact
 * against the topology, its managed addresses against {@code drslink plan --format json}, and every
 * provider configuration checked to point at moto); apply of every resource (moto, the AWS-rules
 * layer and the DRS stand-in serve every type drslink emits); the result checked in moto; a second
 * plan with no changes; destroy; and moto left with nothing drslink made.
 *
 * <p>The apply applies the plan file of the checked plan, as a pipeline applies a reviewed plan.
 *
 * <p>The test build of the provider waits 1/30 of upstream's fixed delays (docs/testing.md), so a
 * case's time is mostly CPU: the provider's processes, tofu and moto. The cases run concurrently, each
 * on its own moto server, reset before the case: that, not renaming, keeps cases apart, and each
 * topology runs under its own name. Each test invocation reports its own case. {@code
 * -Ddrslink.e2e.parallelism=N} sets how many (default: sized to memory, {@link
 * ConcurrentCases#defaultWorkers}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesE2EIT {

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private DrslinkCli cli;
  private ConcurrentCases cases;

  @BeforeAll
  void start() {
    cli = DrslinkCli.fromBuild(project);
    runtime = ToolRuntime.fromSystemProperty();
    cases = new ConcurrentCases(runtime, yaml, topologies(), (c, moto) -> prove(c.getPayload(), moto));
  }

  @AfterAll
  void stop() throws InterruptedException {
    // Every case cleans up what it made; wait for those still running, then stop their motos.
    if (cases != null) {
      cases.close();
    }
    if (runtime != null) {
      Cleanup.closeAll(runtime);
    }
  }

  List<Named<Path>> topologies() {
    return E2eCases.all(project);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void generatedRootIsProvenAgainstMoto(Path topologyFile) throws Throwable {
    cases.outcome(topologyFile);
  }

  private void prove(Path topologyFile, MotoFixture moto) throws IOException {
    String caseName = topologyFile.getParent().getFileName().toString();
    Timings t = new Timings(caseName);
    moto.reset();
    String endpoint = moto.server().endpoint();
    try (Workspace ws = Workspace.create(caseName)) {
      String text = read(topologyFile);
      SeededTopology seeded = t.time("seed", () -> moto.seed(text));
      SeededChecks.assertSeeded(moto, text, seeded, yaml);
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      Path root = ws.resolve("root");
      t.time("generate", () -> cli.generate(topology, root));

      Terraform tf = runtime.terraformOn(root, endpoint, json);
      // fmt runs on the pristine output, before the test override is added.
      t.time("fmt", tf::fmtCheck);
      t.time("init", tf::init);
      ProviderOverride.write(root);
      t.time("validate", tf::validate);

      Plan plan = t.time("plan", () -> tf.plan());
      assertTrue(plan.hasChanges(), "first plan of a fresh root must create resources");
      Expectations expected = Expectations.of(seeded.topology());
      assertNoFindings("plan of " + caseName, new PlanAssertions(plan, expected).check());
      // The same addresses TerraformCompatibilityIT holds Terraform's plan to.
      assertNoFindings(
          "plan of " + caseName + " against `drslink plan --format json`",
          PlanAddresses.compare(plan, PlanAddresses.reported(cli, topology, json)));
      assertNoFindings(
          "provider configurations of " + caseName,
          EgressChecks.providerConfigsPointAtMoto(plan, tf.environment(), endpoint));

      // DRS refuses every call until initialized in the account and region (as a user does once).
      moto.initializeDrs(seeded);
      boolean destroyed = false;
      try {
        t.time("apply", () -> tf.apply(plan));
        List<String> skipped = new ArrayList<>();
        assertNoFindings(
            "moto after apply of " + caseName,
            new MotoAssertions(moto, seeded, expected).afterApply(skipped));
        skipped.forEach(s -> System.err.println("[e2e]   " + caseName + ": not applied: " + s));

        Plan second = t.time("plan-again", () -> tf.plan());
        assertEquals(
            0,
            second.exitCode(),
            "second plan must report no changes, but plans: " + second.pendingChanges());

        t.time("destroy", tf::destroy);
        destroyed = true;
      } finally {
        if (!destroyed) {
          tf.destroyQuietly(caseName);
        }
      }
      assertNoFindings(
          "moto after destroy of " + caseName,
          new MotoAssertions(moto, seeded, expected).afterDestroy());
    } finally {
      System.err.println(t);
    }
  }

  static void assertNoFindings(String what, List<String> findings) {
    if (!findings.isEmpty()) {
      fail(
          what
              + ": "
              + findings.size()
              + " problem(s)\n  - "
              + findings.stream().collect(Collectors.joining("\n  - ")));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
