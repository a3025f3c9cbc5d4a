package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.emulator.ProviderOverride;
import harness.terraform.Cleanup;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
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
 * plan of every unit must be empty, and destroy in the reverse order must leave nothing. On examples/cross-account,
 * {@code drslink verify} after the units' apply passes, as after the single root's.
 *
 * <p>Also: scripts/units-topology.py's three accounts in three regions (src/test/resources/units/org-3a-3r-4s) the
 * same way; the switch from the single root to units and back ({@code switch}, {@code switch-back}); and a unit run
 * with another account's credentials, refused by moto's STS or by the provider's allowed_account_ids, each shown
 * ({@code wrong-account}). {@code -Ddrslink.e2e.units.cases} takes topology dirs and these names.
 *
 * <p>Terragrunt and Atlantis themselves do not run here (the Go module proxy serves neither); their files are
 * checked for shape by the unit tests (drslink.units.EngineFilesTest).
 */
@ExtendWith(RetryAWriteSentTwice.class) // a write the SDK sent twice: once more, from nothing
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
    Cleanup.closeAll(runtime);
  }

  /** One unit as units.json lists it, copied to a folder of its own to show it needs nothing beside it. */
  private record UnitRun(String dir, String account, Terraform tf, Map<String, String> from) {}

  /** {@code -Ddrslink.e2e.units.cases=examples/cross-account} runs only the named topologies (comma-separated). */
  @ParameterizedTest(name = "{0}")
  @Execution(ExecutionMode.CONCURRENT) // ... and its cases side by side, each on a moto of its own
  @ValueSource(strings = {"examples/cross-account", "src/test/resources/golden/failback-accounts", "src/test/resources/golden/cross-account-fan-in", "examples/transit-gateway", "src/test/resources/units/org-3a-3r-4s"})
  void unitsApplyInOrderReplanCleanAndDestroyInReverse(String topologyDir) throws IOException {
    assumeSelected(topologyDir);
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
        for (JsonNode u : units) {
          String dir = u.get("dir").asText();
          Path root = ws.resolve("units").resolve(caseName + "-" + dir.replace('/', '-')).resolve("root");
          Workspace.copyTree(tree.resolve(dir), root);
          Map<String, String> from = new LinkedHashMap<>();
          u.get("inputs").forEach(i -> from.put(i.get("variable").asText(), i.get("from").asText() + "#" + i.get("output").asText()));
          Terraform tf = tofu(root, endpoint);
          t.time("fmt " + dir, tf::fmtCheck);
          t.time("init " + dir, tf::init);
          AwsCreds creds = seeded.credsForAccount(u.get("account").isNull() ? "" : u.get("account").asText());
          writeOverride(root, creds);
          t.time("validate " + dir, tf::validate);
          runs.add(new UnitRun(dir, u.get("account").asText(), tf, from));
        }

        moto.initializeDrs(seeded);
        boolean verify = topologyDir.equals("examples/cross-account");
        if (verify) {
          moto.natForStaging(seeded); // as LiveChecksIT: the staging subnet's way out that verify checks
        }
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        List<UnitRun> applied = new ArrayList<>();
        try {
          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint);
            Plan plan = t.time("plan " + run.dir(), () -> tf.plan());
            assertTrue(plan.hasChanges(), run.dir() + ": the first plan creates resources");
            ExamplesE2EIT.assertNoFindings("provider configurations of " + run.dir(), EgressChecks.providerConfigsPointAtMoto(plan, tf.environment(), endpoint));
            applied.add(run);
            t.time("apply " + run.dir(), () -> tf.apply(plan));
            Map<String, String> values = new LinkedHashMap<>();
            tf.outputs().forEach((k, v) -> values.put(k, v.isTextual() ? v.asText() : v.toString()));
            outputs.put(run.dir(), values);
          }
          Expectations expected = Expectations.of(seeded.topology());
          List<String> skipped = new ArrayList<>();
          ExamplesE2EIT.assertNoFindings("moto after the units' apply", new MotoAssertions(moto, seeded, expected).afterApply(skipped));
          skipped.forEach(s -> System.err.println("[e2e]   " + caseName + ": not applied: " + s));
          if (verify) {
            // verify reads the accounts, not the generated folder: what the units made passes it as the single
            // root's does (LiveChecksIT), with reads only.
            CommandResult verified = t.time("verify", () -> LiveChecksIT.run(cli, ws, endpoint, "verify", "-v", "--format", "json", "topology.yaml"));
            assertEquals(0, verified.exitCode(), () -> "verify after the units' apply:\n" + verified.stdout() + verified.stderr());
            LiveChecksIT.assertOnlyReads(verified);
            assertEquals("ok", json.readTree(verified.stdout()).path("status").asText(), verified.stdout());
          }

          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint);
            Plan again = t.time("plan-again " + run.dir(), () -> tf.plan());
            assertEquals(0, again.exitCode(), run.dir() + ": the second plan must report no changes, but plans: " + again.pendingChanges());
          }

          for (int i = runs.size() - 1; i >= 0; i--) {
            UnitRun run = runs.get(i);
            Terraform tf = withInputs(run, outputs, endpoint);
            t.time("destroy " + run.dir(), tf::destroy);
            applied.remove(run);
          }
          List<String> left = new MotoAssertions(moto, seeded, expected).afterDestroy();
          if (verify) { // natForStaging's own default route stays (drslink makes no NAT gateway and no 0.0.0.0/0 route)
            left = left.stream().filter(f -> !f.matches("route \\S+ -> 0\\.0\\.0\\.0/0 .*")).toList();
          }
          ExamplesE2EIT.assertNoFindings("moto after the units' destroy", left);
        } finally {
          for (int i = applied.size() - 1; i >= 0; i--) {
            withInputs(applied.get(i), outputs, endpoint).destroyQuietly(caseName + " " + applied.get(i).dir());
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
  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void switchingFromTheSingleRootIsAStateMovePerUnitWithoutChanges() throws IOException {
    String topologyDir = "examples/cross-account";
    assumeSelected("switch");
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
        Terraform singleTf = tofu(single, endpoint);
        t.time("init single", singleTf::init);
        ProviderOverride.write(single);
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
            Terraform tf = tofu(root, endpoint);
            t.time("init " + dir, tf::init);
            writeOverride(root, seeded.credsForAccount(u.get("account").isNull() ? "" : u.get("account").asText()));
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
            Terraform tf = withInputs(run, outputs, endpoint);
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
            t.time("destroy " + run.dir(), withInputs(run, outputs, endpoint)::destroy);
            holding.remove(run);
          }
          ExamplesE2EIT.assertNoFindings("moto after the units' destroy", new MotoAssertions(moto, seeded, Expectations.of(seeded.topology())).afterDestroy());
        } finally {
          for (int i = holding.size() - 1; i >= 0; i--) {
            withInputs(holding.get(i), outputs, endpoint).destroyQuietly(caseName + " " + holding.get(i).dir());
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

  /**
   * docs/units-layout.md "Switching layouts", from units back to the single root, on examples/cross-account: apply
   * the units in order; generate the single root; move every unit's {@code state_moves} out of that unit's state into
   * the single root's ({@code tofu state mv -state=terraform.tfstate -state-out=SINGLE}), after which every unit's
   * state holds only data sources; the single root then plans no resource change (every address kept) and
   * destroys clean.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void switchingBackToTheSingleRootIsAStateMovePerUnitWithoutChanges() throws IOException {
    assumeSelected("switch-back");
    String caseName = "units-switch-back";
    Timings t = new Timings(caseName);
    try (MotoServer server = runtime.startMoto();
        MotoFixture moto = new MotoFixture(server, yaml)) {
      String endpoint = moto.server().endpoint();
      try (Workspace ws = Workspace.create(caseName)) {
        SeededTopology seeded = moto.seed(Files.readString(project.resolve("examples/cross-account/topology.yaml"), StandardCharsets.UTF_8));
        Path topology = ws.resolve("topology.yaml");
        Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
        Path tree = ws.resolve("tree");
        CommandResult generated = cli.run(List.of("generate", topology.toString(), "--out", tree.toString(), "--layout", "units"));
        if (!generated.succeeded()) {
          throw new ToolException("drslink generate --layout units", generated);
        }
        List<UnitRun> runs = new ArrayList<>();
        Map<String, List<String>> moves = new LinkedHashMap<>();
        for (JsonNode u : json.readTree(tree.resolve("units.json").toFile()).get("units")) {
          String dir = u.get("dir").asText();
          Path root = ws.resolve("units").resolve(caseName + "-" + dir.replace('/', '-')).resolve("root");
          Workspace.copyTree(tree.resolve(dir), root);
          Map<String, String> from = new LinkedHashMap<>();
          u.get("inputs").forEach(i -> from.put(i.get("variable").asText(), i.get("from").asText() + "#" + i.get("output").asText()));
          Terraform tf = tofu(root, endpoint);
          t.time("init " + dir, tf::init);
          writeOverride(root, seeded.credsForAccount(u.get("account").isNull() ? "" : u.get("account").asText()));
          runs.add(new UnitRun(dir, u.get("account").asText(), tf, from));
          List<String> addresses = new ArrayList<>();
          u.get("state_moves").forEach(m -> addresses.add(m.asText()));
          moves.put(dir, addresses);
        }
        moto.initializeDrs(seeded);
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        List<UnitRun> holding = new ArrayList<>();
        Path single = ws.resolve("single").resolve("root");
        Terraform singleTf = null;
        boolean moved = false;
        try {
          for (UnitRun run : runs) {
            Terraform tf = withInputs(run, outputs, endpoint);
            holding.add(run);
            t.time("apply " + run.dir(), () -> tf.apply());
            Map<String, String> values = new LinkedHashMap<>();
            tf.outputs().forEach((k, v) -> values.put(k, v.isTextual() ? v.asText() : v.toString()));
            outputs.put(run.dir(), values);
          }

          t.time("generate single", () -> cli.generate(topology, single));
          singleTf = tofu(single, endpoint);
          t.time("init single", singleTf::init);
          ProviderOverride.write(single);
          // Each unit's tofu sees only its own folder (it runs in a container), so the single root's state passes
          // through it: copied in, moved into, copied back, one unit after the other.
          Path singleState = single.resolve("terraform.tfstate");
          for (UnitRun run : runs) {
            Path inUnit = run.tf().options().dir().resolve("single.tfstate");
            if (Files.exists(singleState)) {
              Files.copy(singleState, inUnit);
            }
            List<String> inState = List.of(command(run.tf(), List.of("state", "list")).stdout().split("\n"));
            for (String address : moves.get(run.dir())) {
              if (inState.stream().anyMatch(a -> a.equals(address) || a.startsWith(address + ".") || a.startsWith(address + "["))) {
                command(run.tf(), List.of("state", "mv", "-state=terraform.tfstate", "-state-out=single.tfstate", address, address));
                moved = true;
              }
            }
            if (Files.exists(inUnit)) {
              Files.move(inUnit, singleState, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            List<String> left = command(run.tf(), List.of("state", "list")).stdout().lines().filter(a -> !a.isBlank() && !a.startsWith("data.")).toList();
            assertTrue(left.isEmpty(), run.dir() + ": after its state moves the unit's state must hold only data sources, but holds " + left);
          }
          holding.clear();

          // No resource change proves every address arrived; destroy leaving nothing proves the single root now owns
          // everything (an apply would only write the outputs, so it is left out: CI time).
          Terraform tf = singleTf;
          Plan plan = t.time("plan single", () -> tf.plan());
          List<ResourceChange> changes = plan.pendingChanges().stream().filter(ResourceChange::isManaged).toList();
          assertTrue(changes.isEmpty(), "after the state moves the single root may change no resource, but its plan has: " + changes);
          t.time("destroy single", tf::destroy);
          moved = false;
          ExamplesE2EIT.assertNoFindings("moto after the single root's destroy", new MotoAssertions(moto, seeded, Expectations.of(seeded.topology())).afterDestroy());
        } finally {
          for (int i = holding.size() - 1; i >= 0; i--) {
            withInputs(holding.get(i), outputs, endpoint).destroyQuietly(caseName + " " + holding.get(i).dir());
          }
          if (moved && singleTf != null) {
            singleTf.destroyQuietly(caseName + " single root");
          }
        }
      } finally {
        System.err.println(t);
      }
    }
  }

  /**
   * A unit run with another account's credentials is refused, and the test says by whom. On examples/cross-account,
   * unit prod/eu-central-1 (its provider assumes prod's role and allows only prod's account id), with a pipeline
   * user per account whose only permission is sts:AssumeRole on its own account's role (the per-account setup of
   * docs/units-layout.md), and moto's IAM enforcement on (IamEnforcementIT's switch):
   *
   * <ol>
   *   <li>prod's user: the plan succeeds (the setup admits the right account);
   *   <li>dr's user: moto refuses the AssumeRole into prod's role (AccessDenied from STS), before the provider
   *       configures; nothing in prod is read;
   *   <li>enforcement off, the unit's assume_role removed (a pipeline that hands the unit role keys itself) and dr's
   *       role keys: the provider's allowed_account_ids refuses, before any call but GetCallerIdentity;
   *   <li>the same without allowed_account_ids: the emulator answers in dr's account, where prod's VPC does not
   *       exist, so the unit's VPC check fails: another account's resources are out of reach, as in AWS.
   * </ol>
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aUnitRunWithAnotherAccountsCredentialsIsRefused() throws Exception {
    assumeSelected("wrong-account");
    String caseName = "units-wrong-account";
    Timings t = new Timings(caseName);
    try (MotoServer server = runtime.startMoto();
        MotoFixture moto = new MotoFixture(server, yaml)) {
      String endpoint = moto.server().endpoint();
      try (Workspace ws = Workspace.create(caseName)) {
        SeededTopology seeded = moto.seed(Files.readString(project.resolve("examples/cross-account/topology.yaml"), StandardCharsets.UTF_8));
        Path topology = ws.resolve("topology.yaml");
        Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
        Path tree = ws.resolve("tree");
        CommandResult generated = cli.run(List.of("generate", topology.toString(), "--out", tree.toString(), "--layout", "units"));
        if (!generated.succeeded()) {
          throw new ToolException("drslink generate --layout units", generated);
        }
        Map<String, TopologyTree.Account> accounts = new LinkedHashMap<>();
        seeded.topology().accounts().forEach(a -> accounts.put(a.name(), a));
        TopologyTree.Account prod = accounts.get("prod");
        TopologyTree.Account dr = accounts.get("dr");
        Path root = ws.resolve("units").resolve("prod-eu-central-1").resolve("root");
        Workspace.copyTree(tree.resolve("prod/eu-central-1"), root);
        String providers = Files.readString(root.resolve("providers.tf"));
        assertTrue(providers.contains("allowed_account_ids = [\"" + prod.id() + "\"]") && providers.contains("role_arn = \"" + prod.roleArn() + "\""), providers);
        Terraform tf = tofu(root, endpoint);
        t.time("init", tf::init);
        List<String> plan = List.of("plan", "-input=false", "-no-color", "-lock=false");

        // Per account, made before enforcement with that account's own keys: a pipeline user that may only assume
        // its own account's role, and that role, trusting that user, allowed everything (the role's own policy is
        // IamEnforcementIT's subject, not this test's).
        IamEnforcementIT.Iam iam = new IamEnforcementIT.Iam(endpoint);
        Map<String, AwsCreds> pipeline = new LinkedHashMap<>();
        for (TopologyTree.Account a : List.of(prod, dr)) {
          AwsCreds own = seeded.credsForAccount(a.name());
          String user = IamEnforcementIT.element(iam.call(own, "CreateUser", Map.of("UserName", "drslink-pipeline")), "Arn");
          assertEquals("arn:aws:iam::" + a.id() + ":user/drslink-pipeline", user, "the user lives in account " + a.name());
          String key = iam.call(own, "CreateAccessKey", Map.of("UserName", "drslink-pipeline"));
          pipeline.put(a.name(), new AwsCreds(IamEnforcementIT.element(key, "AccessKeyId"), IamEnforcementIT.element(key, "SecretAccessKey"), null));
          iam.call(own, "PutUserPolicy", Map.of("UserName", "drslink-pipeline", "PolicyName", "assume-own-role", "PolicyDocument",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + a.roleArn() + "\"}]}"));
          String roleName = a.roleArn().substring(a.roleArn().lastIndexOf('/') + 1);
          iam.call(own, "CreateRole", Map.of("RoleName", roleName, "AssumeRolePolicyDocument",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + user + "\"},\"Action\":\"sts:AssumeRole\"}]}"));
          iam.call(own, "PutRolePolicy", Map.of("RoleName", roleName, "PolicyName", "all", "PolicyDocument",
              "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        }

        try {
          IamEnforcementIT.resetAuth(endpoint, "0");
          writeOverride(root, pipeline.get("prod"));
          CommandResult own = t.time("plan, prod's user", () -> tf.raw(plan));
          assertTrue(own.succeeded(), () -> "prod's pipeline user plans its own unit under enforcement:\n" + own.stdout() + own.stderr());

          writeOverride(root, pipeline.get("dr"));
          CommandResult refused = t.time("plan, dr's user", () -> tf.raw(plan));
          String out = refused.stdout() + refused.stderr();
          System.err.println("[e2e] " + caseName + ": dr's user on prod's unit:\n" + out);
          assertFalse(refused.succeeded(), out);
          assertTrue(out.contains("Error: Cannot assume IAM Role") && out.contains("IAM Role (" + prod.roleArn() + ") cannot be assumed.")
                  && out.contains("operation error STS: AssumeRole, https response error StatusCode: 403"),
              "STS in moto refuses dr's user the role of prod:\n" + out);
          assertFalse(out.contains("AWS account ID not allowed"), "the refusal is moto's, before allowed_account_ids is checked:\n" + out);
          // The provider shows moto's 403 as "UnknownError" (the SDK does not parse the body moto sends); the same
          // call made directly shows what moto answers.
          MotoSts sts = new MotoSts(endpoint);
          sts.assumeRole(pipeline.get("prod"), prod.roleArn(), "control");
          IllegalStateException denied = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> sts.assumeRole(pipeline.get("dr"), prod.roleArn(), "wrong-account"));
          System.err.println("[e2e] " + caseName + ": moto's answer to dr's user: " + denied.getMessage());
          assertTrue(denied.getMessage().contains("answered 403") && denied.getMessage().contains("AccessDenied")
                  && denied.getMessage().contains("User: arn:aws:iam::" + dr.id() + ":user/drslink-pipeline is not authorized to perform: sts:AssumeRole"),
              denied.getMessage());
        } finally {
          IamEnforcementIT.resetAuth(endpoint, "inf");
        }

        // Without the role (keys handed in as they are) and without enforcement: only the provider can refuse.
        String noRole = providers.replaceFirst("\\n  assume_role \\{\\n    role_arn = \"[^\"]*\"\\n  \\}\\n", "\n");
        assertFalse(noRole.equals(providers), providers);
        Files.writeString(root.resolve("providers.tf"), noRole);
        writeOverride(root, seeded.credsForAccount("dr"));
        CommandResult guarded = t.time("plan, dr's keys, no role", () -> tf.raw(plan));
        String guardOut = guarded.stdout() + guarded.stderr();
        System.err.println("[e2e] " + caseName + ": dr's keys, no assume_role:\n" + guardOut);
        assertFalse(guarded.succeeded(), guardOut);
        assertTrue(guardOut.contains("AWS account ID not allowed: " + dr.id()), "the provider's allowed_account_ids refuses dr's account:\n" + guardOut);

        String unguarded = noRole.replaceFirst("(?m)^  allowed_account_ids = .*\\n", "");
        assertFalse(unguarded.equals(noRole), noRole);
        Files.writeString(root.resolve("providers.tf"), unguarded);
        CommandResult unseen = t.time("plan, dr's keys, no guard", () -> tf.raw(plan));
        String unseenOut = unseen.stdout() + unseen.stderr();
        System.err.println("[e2e] " + caseName + ": dr's keys, no guard:\n" + unseenOut);
        assertFalse(unseen.succeeded(), unseenOut);
        String prodVpc = seeded.topology().vpcs().stream().filter(v -> v.name().equals("payments")).findFirst().orElseThrow().id();
        assertTrue(unseenOut.contains("no matching EC2 VPC found"), "prod's VPC " + prodVpc + " is not in dr's account:\n" + unseenOut);
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
  private Terraform withInputs(UnitRun run, Map<String, Map<String, String>> outputs, String endpoint) {
    TerraformOptions.Builder options = TerraformOptions.builder(run.tf().options().dir()).env(ProviderOverride.environment(endpoint));
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
   * The harness's override, with the unit's own account's keys instead of the static test key:
   * the provider then assumes the topology's role in that same account, and no other account's key is ever given.
   */
  static void writeOverride(Path root, AwsCreds creds) throws IOException {
    StringBuilder b = new StringBuilder("# Written by UnitsLayoutIT: this unit's own account's keys (endpoints: the environment). Test only.\n");
    for (ProviderOverride.ProviderBlock p : ProviderOverride.providerBlocks(root)) {
      String block = ProviderOverride.render(p.alias());
      String keys = "  access_key = \"" + creds.accessKeyId() + "\"\n  secret_key = \"" + creds.secretAccessKey() + "\"\n" + (creds.sessionToken() == null ? "" : "  token      = \"" + creds.sessionToken() + "\"\n");
      String replaced = block.replaceFirst("(?m)^  access_key +=.*\\n  secret_key +=.*\\n", java.util.regex.Matcher.quoteReplacement(keys));
      if (replaced.equals(block)) {
        throw new IllegalStateException("the harness's override changed shape; UnitsLayoutIT cannot put the unit's keys in it:\n" + block);
      }
      b.append(replaced);
    }
    Files.writeString(root.resolve(ProviderOverride.FILE_NAME), b.toString(), StandardCharsets.UTF_8);
  }

  /** A unit's (or the single root's) tofu, every service it calls sent to moto at {@code endpoint}. */
  private Terraform tofu(Path root, String endpoint) {
    return runtime.terraformOn(root, endpoint, json);
  }

  /** {@code -Ddrslink.e2e.units.cases} (comma-separated topology dirs and test names) runs only the cases it names. */
  private static void assumeSelected(String name) {
    String only = System.getProperty("drslink.e2e.units.cases", "").trim();
    assumeTrue(only.isEmpty() || List.of(only.split("\\s*,\\s*")).contains(name), "not in -Ddrslink.e2e.units.cases");
  }
}
