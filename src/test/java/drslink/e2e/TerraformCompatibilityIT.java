package drslink.e2e;

import static drslink.e2e.ExamplesE2EIT.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.ProviderOverride;
import harness.terraform.Cleanup;
import harness.terraform.CommandResult;
import harness.terraform.Plan;
import harness.terraform.Terraform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same proof as {@link ExamplesE2EIT} up to the plan, with HashiCorp Terraform instead of
 * OpenTofu: for every example and golden topology, seed moto, generate, then {@code terraform fmt
 * -check -recursive}, init (offline, from the toolchain's provider mirror), validate, and plan
 * against moto through the same {@link ProviderOverride}. The JSON plan must hold every fact {@link
 * PlanAssertions} checks, point every provider configuration at moto, and create exactly the
 * managed resources {@code drslink plan --format json} lists, which {@link ExamplesE2EIT} asserts
 * of OpenTofu's plan too: both tools plan the same addresses.
 *
 * <p>No apply: what the resources do once created is the same provider's business under either
 * tool, and {@link ExamplesE2EIT} proves it. That keeps this suite to init, validate and plan.
 *
 * <p>The binary is {@link TerraformBinary#resolve()}: {@code terraform} on PATH, else the
 * toolchain's build; neither fails the suite. Terraform runs on the host, so this suite uses the
 * local {@link ToolRuntime} (moto from the toolchain's venv, the same moto and launcher as the image),
 * whatever {@code -Ddrslink.e2e.runtime} says: the tofu image has no Terraform. A release older than
 * a topology's {@code required_version >= X} must refuse it at init ("Unsupported Terraform Core
 * version"), and that refusal is what the case then asserts.
 *
 * <p>Cases run concurrently, one moto per worker ({@code -Ddrslink.e2e.parallelism}, default sized to memory).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerraformCompatibilityIT {

  private static final Pattern AT_LEAST = Pattern.compile(">=\\s*v?(\\d+(?:\\.\\d+){0,2})");

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private TerraformBinary terraform;
  private ToolRuntime runtime;
  private DrslinkCli cli;
  private ConcurrentCases cases;

  @BeforeAll
  void start() {
    cli = DrslinkCli.fromBuild(project);
    terraform = TerraformBinary.resolve();
    System.err.println("[e2e] TerraformCompatibilityIT proves every case with " + terraform);
    runtime = ToolRuntime.local(terraform.path());
    cases = new ConcurrentCases(runtime, yaml, topologies(), (c, moto) -> prove(c.getName(), c.getPayload(), moto));
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
  void terraformInitsValidatesAndPlansTheGeneratedRoot(Path topologyFile) throws Throwable {
    cases.outcome(topologyFile);
  }

  private void prove(String caseName, Path topologyFile, MotoFixture moto) throws IOException {
    String label = "terraform-" + topologyFile.getParent().getFileName();
    Timings t = new Timings(label);
    moto.reset();
    String endpoint = moto.server().endpoint();
    try (Workspace ws = Workspace.create(label)) {
      SeededTopology seeded = t.time("seed", () -> moto.seed(read(topologyFile)));
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      Path root = ws.resolve("root");
      t.time("generate", () -> cli.generate(topology, root));

      Terraform tf = runtime.terraformOn(root, endpoint, json);
      t.time("fmt", tf::fmtCheck);

      Optional<String> floor = requiredFloor(seeded.yaml());
      if (floor.isPresent() && terraform.olderThan(floor.get())) {
        // Too old for the topology's own required_version: init must say so, not go on.
        CommandResult r = t.time("init", () -> tf.raw(List.of("init", "-input=false", "-no-color")));
        String out = r.stdout() + r.stderr();
        assertTrue(
            r.exitCode() != 0 && out.contains("Unsupported Terraform Core version"),
            caseName
                + " asks for required_version >= "
                + floor.get()
                + ", so "
                + terraform
                + " must refuse it at init; it exited "
                + r.exitCode()
                + ":\n"
                + out);
        System.err.println(
            "[e2e] "
                + caseName
                + ": "
                + terraform
                + " refuses required_version >= "
                + floor.get()
                + " at init, as it should; not planned");
        return;
      }
      t.time("init", tf::init);
      ProviderOverride.write(root);
      t.time("validate", tf::validate);

      Plan plan = t.time("plan", () -> tf.plan());
      assertTrue(plan.hasChanges(), "first plan of a fresh root must create resources");
      assertNoFindings(
          "terraform plan of " + caseName,
          new PlanAssertions(plan, Expectations.of(seeded.topology())).check());
      assertNoFindings(
          "provider configurations of " + caseName,
          EgressChecks.providerConfigsPointAtMoto(plan, tf.environment(), endpoint));
      assertNoFindings(
          "terraform plan of " + caseName + " against `drslink plan --format json`",
          PlanAddresses.compare(plan, PlanAddresses.reported(cli, topology, json)));
    } finally {
      System.err.println(t);
    }
  }

  /**
   * The highest {@code >= X} lower bound of the topology's {@code terraform.required_version}, as
   * "x.y.z"; empty when it has none.
   */
  private Optional<String> requiredFloor(String topologyYaml) throws IOException {
    JsonNode v = yaml.readTree(topologyYaml).path("terraform").path("required_version");
    if (!v.isTextual()) {
      return Optional.empty();
    }
    String best = null;
    Matcher m = AT_LEAST.matcher(v.asText());
    while (m.find()) {
      String x = (m.group(1) + ".0.0").replaceFirst("^(\\d+\\.\\d+\\.\\d+).*$", "$1");
      if (best == null || TerraformBinary.older(best, x)) {
        best = x;
      }
    }
    return Optional.ofNullable(best);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
