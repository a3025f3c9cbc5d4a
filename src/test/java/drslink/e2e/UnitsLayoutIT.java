package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.emulator.ProviderOverride;
import harness.terraform.CommandResult;
import harness.terraform.Plan;
import harness.terraform.ResourceChange;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
import harness.terraform.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code generate --layout units} of examples/cross-account (two accounts, three regions, a second phase) and of the
 * three-account golden topologies failback-accounts and cross-account-fan-in, and of examples/transit-gateway (a
 * transit gateway peering in three steps), applied the way every engine applies it underneath:
 * plain {@code tofu} per unit, in the order units.json gives, each unit under its own account's credentials only
 * (moto acts in the account an access key belongs to: keys from AssumeRole into that account's role), the values a
 * unit takes from earlier units passed as {@code -var} from their {@code tofu output}, as Terragrunt's dependency
 * blocks pass them. Then moto must hold what the single root makes (the same checks as ExamplesE2EIT), a second
 * plan of every unit must be empty, and destroy in the reverse order must leave nothing.
 *
 * <p>Terragrunt and Atlantis themselves do not run here (the Go module proxy serves neither); their files are
 * checked for shape by the unit tests (drslink.units.EngineFilesTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD) // the class, like every suite, runs alone ...
class UnitsLayoutIT {
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private DrslinkCli cli;

  @BeforeAll
  void start() {
    cli = DrslinkCli.fromBuild(project);
    runtime = ToolRuntime.fromSystemProperty();
  }

  @AfterAll
  void stop() {
    Closer.closeAll(runtime);
  }

  /** One unit as units.json lists it, copied to a folder of its own to show it needs nothing beside it. */
  private record UnitRun(String dir, String account, Terraform tf, Map<String, String> from) {}

  /** {@code -Ddrslink.e2e.units.cases=examples/cross-account} runs only the named topologies (comma-separated). */
  @ParameterizedTest(name = "{0}")
  @Execution(ExecutionMode.CONCURRENT) // ... and its cases side by side, each on a moto of its own
  @ValueSource(strings = {"examples/cross-account", "src/test/resources/golden/failback-accounts", "src/test/resources/golden/cross-account-fan-in", "examples/transit-gateway"})
  void unitsApplyInOrderReplanCleanAndDestroyInReverse(String topologyDir) throws IOException {
    String only = System.getProperty("drslink.e2e.units.cases", "").trim();
    org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split("\\s*,\\s*")).contains(topologyDir), "not in -Ddrslink.e2e.units.cases");
    String caseName = "units-" + Path.of(topologyDir).getFileName();
    Timings t = new Timings(caseName);
    // A moto of its own: the cases run side by side (@Execution below), as StableAddressesIT's do.
    try (MotoServer server = runtime.startMoto();
        MotoFixture moto = new MotoFixture(server, yaml)) {
      String endpoint = moto.server().endpoint();
      try (Workspace ws = Workspace.create(caseName)) {
        SeededTopology seeded = moto.seed(Files.readString(project.resolve(topologyDir).resolve("topology.yaml"), StandardCharsets.UTF_8));
        Path topology = ws.resolve("topology.yaml");
        Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
        Path tree = ws.resolve("tree");
        CommandResult generated = t.time("generate", () -> cli.run(List.of("generate", topology.toString(), "--out", tree.toString(), "--layout", "units")));
        if (!generated.succeeded()) {
          throw new ToolException("drslink generate --layout units", generated);
        }
        JsonNode units = json.readTree(tree.resolve("units.json").toFile()).get("units");
        assertTrue(units.size() >= 3, caseName + " has units in several accounts or a second phase");

        List<UnitRun> runs = new ArrayList<>();
        List<String> services = null;
        for (JsonNode u : units) {
          String dir = u.get("dir").asText();
          Path root = ws.resolve("units").resolve(caseName + "-" + dir.replace('/', '-')).resolve("root");
          Workspace.copyTree(tree.resolve(dir), root);
          Map<String, String> from = new LinkedHashMap<>();
          u.get("inputs").forEach(i -> from.put(i.get("variable").asText(), i.get("from").asText() + "#" + i.get("output").asText()));
          Terraform tf = new Terraform(runtime, TerraformOptions.builder(root).build(), json);
          t.time("fmt " + dir, tf::fmtCheck);
          t.time("init " + dir, tf::init);
          if (services == null) {
            services = ProviderOverride.servicesKnownTo(tf.awsEndpointArguments());
          }
          AwsCreds creds = seeded.credsForAccount(u.get("account").isNull() ? "" : u.get("account").asText());
          writeOverride(root, endpoint, services, creds);
          t.time("validate " + dir, tf::validate);
          runs.add(new UnitRun(dir, u.get("account").asText(), tf, from));
        }

        moto.initializeDrs(seeded);
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        List<UnitRun> applied = new ArrayList<>();
        try {
          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint, services, seeded);
            Plan plan = t.time("plan " + run.dir(), () -> tf.plan());
            assertTrue(plan.hasChanges(), run.dir() + ": the first plan creates resources");
            ExamplesE2EIT.assertNoFindings("provider configurations of " + run.dir(), EgressChecks.providerConfigsPointAtMoto(plan, endpoint, services));
            applied.add(run);
            t.time("apply " + run.dir(), () -> tf.apply());
            Map<String, String> values = new LinkedHashMap<>();
            tf.outputs().forEach((k, v) -> values.put(k, v.isTextual() ? v.asText() : v.toString()));
            outputs.put(run.dir(), values);
          }
          Expectations expected = Expectations.of(seeded.topology());
          List<String> skipped = new ArrayList<>();
          ExamplesE2EIT.assertNoFindings("moto after the units' apply", new MotoAssertions(moto, seeded, expected).afterApply(skipped));
          skipped.forEach(s -> System.err.println("[e2e]   " + caseName + ": not applied: " + s));

          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint, services, seeded);
            Plan again = t.time("plan-again " + run.dir(), () -> tf.plan());
            assertEquals(0, again.exitCode(), run.dir() + ": the second plan must report no changes, but plans: " + again.pendingChanges());
          }

          for (int i = runs.size() - 1; i >= 0; i--) {
            UnitRun run = runs.get(i);
            Terraform tf = withInputs(run, outputs, endpoint, services, seeded);
            t.time("destroy " + run.dir(), tf::destroy);
            applied.remove(run);
          }
          ExamplesE2EIT.assertNoFindings("moto after the units' destroy", new MotoAssertions(moto, seeded, expected).afterDestroy());
        } finally {
          for (int i = applied.size() - 1; i >= 0; i--) {
            withInputs(applied.get(i), outputs, endpoint, services, seeded).destroyQuietly(caseName + " " + applied.get(i).dir());
          }
        }
      } finally {
        System.err.println(t);
      }
    }
  }

  /**
   * docs/units-layout.md "Switching layouts", from the single root to units, on examples/cross-account: apply the
   * single root; then for each unit, in order, move its {@code state_moves} out of a copy of the single root's state
   * ({@code tofu state mv -state -state-out}), plan (no resource may change: every address kept) and apply (which
   * only writes the outputs later units take); then destroy the units in reverse, which must leave nothing.
   */
  @org.junit.jupiter.api.Test
  @Execution(ExecutionMode.CONCURRENT)
  void switchingFromTheSingleRootIsAStateMovePerUnitWithoutChanges() throws IOException {
    String topologyDir = "examples/cross-account";
    String only = System.getProperty("drslink.e2e.units.cases", "").trim();
    org.junit.jupiter.api.Assumptions.assumeTrue(only.isEmpty() || List.of(only.split("\\s*,\\s*")).contains("switch"), "not in -Ddrslink.e2e.units.cases");
    String caseName = "units-switch";
    Timings t = new Timings(caseName);
    // A moto of its own: the cases run side by side (@Execution below), as StableAddressesIT's do.
    try (MotoServer server = runtime.startMoto();
        MotoFixture moto = new MotoFixture(server, yaml)) {
      String endpoint = moto.server().endpoint();
      try (Workspace ws = Workspace.create(caseName)) {
        SeededTopology seeded = moto.seed(Files.readString(project.resolve(topologyDir).resolve("topology.yaml"), StandardCharsets.UTF_8));
        Path topology = ws.resolve("topology.yaml");
        Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
        Path single = ws.resolve("single").resolve("root");
        t.time("generate single", () -> cli.generate(topology, single));
        Terraform singleTf = new Terraform(runtime, TerraformOptions.builder(single).build(), json);
        t.time("init single", singleTf::init);
        List<String> services = ProviderOverride.servicesKnownTo(singleTf.awsEndpointArguments());
        ProviderOverride.write(single, endpoint, services);
        moto.initializeDrs(seeded);
        boolean moved = false;
        List<UnitRun> runs = new ArrayList<>();
        List<UnitRun> holding = new ArrayList<>();
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        try {
          t.time("apply single", () -> singleTf.apply());

          Path tree = ws.resolve("tree");
          CommandResult generated = cli.run(List.of("generate", topology.toString(), "--out", tree.toString(), "--layout", "units"));
          if (!generated.succeeded()) {
            throw new ToolException("drslink generate --layout units", generated);
          }
          for (JsonNode u : json.readTree(tree.resolve("units.json").toFile()).get("units")) {
            String dir = u.get("dir").asText();
            Path root = ws.resolve("units").resolve(caseName + "-" + dir.replace('/', '-')).resolve("root");
            Workspace.copyTree(tree.resolve(dir), root);
            Files.copy(single.resolve("terraform.tfstate"), root.resolve("single.tfstate"));
            Map<String, String> from = new LinkedHashMap<>();
            u.get("inputs").forEach(i -> from.put(i.get("variable").asText(), i.get("from").asText() + "#" + i.get("output").asText()));
            Terraform tf = new Terraform(runtime, TerraformOptions.builder(root).build(), json);
            t.time("init " + dir, tf::init);
            writeOverride(root, endpoint, services, seeded.credsForAccount(u.get("account").isNull() ? "" : u.get("account").asText()));
            UnitRun run = new UnitRun(dir, u.get("account").asText(), tf, from);
            runs.add(run);
            List<String> inState = List.of(command(tf, List.of("state", "list", "-state=single.tfstate")).stdout().split("\n"));
            for (JsonNode m : u.get("state_moves")) {
              String address = m.asText();
              // an address with nothing in the state (a count-0 association, a route set without tables) has nothing to move
              if (inState.stream().anyMatch(a -> a.equals(address) || a.startsWith(address + ".") || a.startsWith(address + "["))) {
                command(tf, List.of("state", "mv", "-state=single.tfstate", "-state-out=terraform.tfstate", address, address));
                moved = true;
              }
            }
            holding.add(run);
          }

          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint, services, seeded);
            Plan plan = t.time("plan " + run.dir(), () -> tf.plan());
            List<ResourceChange> changes = plan.pendingChanges().stream().filter(ResourceChange::isManaged).toList();
            assertTrue(changes.isEmpty(), run.dir() + ": after the state moves no resource may change, but the plan has: " + changes);
            t.time("apply " + run.dir(), () -> tf.apply());
            Map<String, String> values = new LinkedHashMap<>();
            tf.outputs().forEach((k, v) -> values.put(k, v.isTextual() ? v.asText() : v.toString()));
            outputs.put(run.dir(), values);
          }

          for (int i = runs.size() - 1; i >= 0; i--) {
            UnitRun run = runs.get(i);
            t.time("destroy " + run.dir(), withInputs(run, outputs, endpoint, services, seeded)::destroy);
            holding.remove(run);
          }
          ExamplesE2EIT.assertNoFindings("moto after the units' destroy", new MotoAssertions(moto, seeded, Expectations.of(seeded.topology())).afterDestroy());
        } finally {
          for (int i = holding.size() - 1; i >= 0; i--) {
            withInputs(holding.get(i), outputs, endpoint, services, seeded).destroyQuietly(caseName + " " + holding.get(i).dir());
          }
          if (!moved) {
            singleTf.destroyQuietly(caseName + " single root");
          }
        }
      } finally {
        System.err.println(t);
      }
    }
  }

  private static CommandResult command(Terraform tf, List<String> args) {
    CommandResult r = tf.raw(args);
    if (!r.succeeded()) {
      throw new ToolException("tofu " + String.join(" ", args), r);
    }
    return r;
  }

  /** The unit's tofu with each value it takes from an earlier unit as -var, read from that unit's outputs. */
  private Terraform withInputs(UnitRun run, Map<String, Map<String, String>> outputs, String endpoint, List<String> services, SeededTopology seeded) {
    TerraformOptions.Builder options = TerraformOptions.builder(run.tf().options().dir());
    run.from()
        .forEach(
            (variable, source) -> {
              String[] parts = source.split("#");
              String value = outputs.getOrDefault(parts[0], Map.of()).get(parts[1]);
              if (value == null) {
                throw new IllegalStateException(run.dir() + " needs " + parts[1] + " of " + parts[0] + ", which is not applied before it");
              }
              options.var(variable, value);
            });
    return new Terraform(runtime, options.build(), json);
  }

  /**
   * The harness's override (endpoints on moto), with the unit's own account's keys instead of the static test key:
   * the provider then assumes the topology's role in that same account, and no other account's key is ever given.
   */
  static void writeOverride(Path root, String endpoint, List<String> services, AwsCreds creds) throws IOException {
    StringBuilder b = new StringBuilder("# Written by UnitsLayoutIT: moto endpoints and this unit's own account's keys. Test only.\n");
    for (ProviderOverride.ProviderBlock p : ProviderOverride.providerBlocks(root)) {
      String block = ProviderOverride.render(p.alias(), endpoint, services);
      String keys = "  access_key = \"" + creds.accessKeyId() + "\"\n  secret_key = \"" + creds.secretAccessKey() + "\"\n" + (creds.sessionToken() == null ? "" : "  token      = \"" + creds.sessionToken() + "\"\n");
      String replaced = block.replaceFirst("(?m)^  access_key +=.*\\n  secret_key +=.*\\n", java.util.regex.Matcher.quoteReplacement(keys));
      if (replaced.equals(block)) {
        throw new IllegalStateException("the harness's override changed shape; UnitsLayoutIT cannot put the unit's keys in it:\n" + block);
      }
      b.append(replaced);
    }
    Files.writeString(root.resolve(ProviderOverride.FILE_NAME), b.toString(), StandardCharsets.UTF_8);
  }
}
