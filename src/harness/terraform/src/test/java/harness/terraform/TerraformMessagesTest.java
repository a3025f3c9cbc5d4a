package harness.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness's message path, with a fake runner in place of tofu: a failed command surfaces as a
 * {@link ToolException} carrying the tool's own stderr and stdout, is run once when the failure is a
 * template error and again when it is transient. (This used to be proven with real tofu on a
 * broken root, which tested OpenTofu's messages more than the harness.)
 */
class TerraformMessagesTest {

  @TempDir Path tmp;

  /** Answers each tofu call with the next scripted result and records the argv. */
  static final class FakeRuntime implements ToolRunner {
    final Deque<CommandResult> answers = new ArrayDeque<>();
    final List<List<String>> calls = new ArrayList<>();
    final List<String> binaries = new ArrayList<>();

    FakeRuntime answer(int exit, String stdout, String stderr) {
      answers.add(new CommandResult(List.of("tofu"), exit, stdout, stderr));
      return this;
    }

    @Override
    public String name() {
      return "fake";
    }

    @Override
    public CommandResult run(
        String binary, List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
      calls.add(args);
      binaries.add(binary);
      CommandResult a = answers.remove();
      return new CommandResult(args, a.exitCode(), a.stdout(), a.stderr());
    }

    @Override
    public String tempDir() {
      return "/tmp";
    }

  }

  private Terraform terraform(FakeRuntime runtime, TerraformOptions.Builder options) throws Exception {
    Files.createDirectories(tmp.resolve("case").resolve("root"));
    return new Terraform(runtime, options.build(), new ObjectMapper());
  }

  private TerraformOptions.Builder options() {
    return TerraformOptions.builder(tmp.resolve("case").resolve("root"))
        .timeBetweenRetries(Duration.ZERO);
  }

  @Test
  void templateErrorFailsOnceWithTheToolsOwnStderr() throws Exception {
    String stderr =
        "Error: Unsupported argument\n\n  on main.tf line 12, in resource \"aws_vpc_endpoint\" \"drs\":\n"
            + "  12:   private_dns_enabld = false\n";
    FakeRuntime fake = new FakeRuntime().answer(1, "", stderr);
    Terraform tf = terraform(fake, options());
    ToolException e = assertThrows(ToolException.class, tf::validate);
    assertEquals(1, fake.calls.size(), "a template error is not retried");
    assertEquals(List.of("validate", "-no-color"), fake.calls.get(0));
    assertTrue(e.getMessage().startsWith("tofu validate (fake runtime) failed with exit code 1"), e.getMessage());
    assertTrue(e.getMessage().contains("Unsupported argument"), e.getMessage());
    assertTrue(e.getMessage().contains("private_dns_enabld"), e.getMessage());
    assertEquals(1, e.result().exitCode());
  }

  @Test
  void fmtCheckFailureNamesTheFileAndTheDiffFromStdout() throws Exception {
    // fmt -check -diff prints the files and the diff on stdout, exit 3.
    FakeRuntime fake =
        new FakeRuntime().answer(3, "outputs.tf\n--- old/outputs.tf\n+++ new/outputs.tf\n-  value =\n+  value       =\n", "");
    Terraform tf = terraform(fake, options());
    ToolException e = assertThrows(ToolException.class, tf::fmtCheck);
    assertEquals(List.of("fmt", "-check", "-recursive", "-diff", "-no-color"), fake.calls.get(0));
    assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("stdout:\noutputs.tf"), e.getMessage());
    assertTrue(e.getMessage().contains("+++ new/outputs.tf"), e.getMessage());
  }

  @Test
  void transientFailureIsRunAgainAndThenSucceeds() throws Exception {
    FakeRuntime fake =
        new FakeRuntime()
            .answer(1, "", "Error: timeout while waiting for plugin to start")
            .answer(0, "Success! The configuration is valid.", "");
    Terraform tf = terraform(fake, options());
    assertEquals("Success! The configuration is valid.", tf.validate());
    assertEquals(2, fake.calls.size());
  }

  @Test
  void transientFailureThatPersistsFailsAfterTheRetriesWithItsMessage() throws Exception {
    FakeRuntime fake = new FakeRuntime();
    for (int i = 0; i < 3; i++) {
      fake.answer(1, "", "Error: read tcp 127.0.0.1:5000: connection reset by peer");
    }
    Terraform tf = terraform(fake, options().maxRetries(2));
    ToolException e = assertThrows(ToolException.class, tf::init);
    assertEquals(3, fake.calls.size(), "one run and two retries");
    assertTrue(e.getMessage().contains("connection reset by peer"), e.getMessage());
  }

  @Test
  void logDirKeepsEveryCommandsFullOutput() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "Initialized", "").answer(1, "", "Error: boom");
    Path logs = tmp.resolve("logs");
    Terraform tf = terraform(fake, options().logDir(logs).noRetries());
    tf.init();
    assertThrows(ToolException.class, tf::validate);
    List<String> names;
    try (var s = Files.list(logs)) {
      names = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    assertEquals(List.of("01-init.log", "02-validate.log"), names);
    String validate = Files.readString(logs.resolve("02-validate.log"));
    assertTrue(validate.startsWith("$ validate -no-color\n# exit 1"), validate);
    assertTrue(validate.contains("## stderr\nError: boom"), validate);
  }

  @Test
  void binaryOptionReplacesTheRunnersDefault() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "", "");
    Terraform tf = terraform(fake, options().binary("/opt/terraform/bin/terraform"));
    tf.validate();
    assertEquals("/opt/terraform/bin/terraform", fake.binaries.get(0));
    assertEquals("terraform", tf.toolName());
  }

  @Test
  void planAcceptsExitTwoAsChangesPending() throws Exception {
    String show = "{\"format_version\":\"1.2\",\"resource_changes\":[]}";
    FakeRuntime fake = new FakeRuntime().answer(2, "Plan: 1 to add", "").answer(0, show, "");
    Terraform tf = terraform(fake, options());
    Plan plan = tf.plan();
    assertEquals(2, plan.exitCode());
    assertEquals(List.of("show", "-json", "-no-color", Terraform.PLAN_FILE), fake.calls.get(1));
  }

  @Test
  void applyOfAPlanAppliesItsFileWithoutVariablesAndOnlyTheLatest() throws Exception {
    String show = "{\"format_version\":\"1.2\",\"resource_changes\":[]}";
    FakeRuntime fake =
        new FakeRuntime()
            .answer(2, "", "").answer(0, show, "")
            .answer(2, "", "").answer(0, show, "")
            .answer(0, "Apply complete!", "");
    Terraform tf = terraform(fake, options().var("name", "x"));
    Plan first = tf.plan();
    Plan second = tf.plan();
    assertThrows(IllegalStateException.class, () -> tf.apply(first), "the file now holds the second plan");
    assertEquals(4, fake.calls.size(), "a stale plan runs nothing");
    tf.apply(second);
    // The saved plan carries the variables; tofu refuses -var beside it.
    assertEquals(List.of("apply", "-input=false", "-no-color", Terraform.PLAN_FILE), fake.calls.get(4));
  }
}
