package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harness.emulator.MotoServer;
import harness.terraform.Cleanup;
import harness.terraform.CommandResult;
import harness.terraform.LocalRunner;
import harness.terraform.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The AWS rules of the test emulator (src/harness/emulator/src/main/resources/harness/emulator/moto/aws_rules.py): for each rule,
 * plain moto accepts a request that AWS refuses, moto through moto_e2e.py refuses it with AWS's
 * error, and what AWS accepts still passes.
 *
 * <p>The rules moto is started by the runtime under test (so the container runtime proves that
 * aws_rules.py is shipped beside moto_e2e.py). The requests are made by
 * src/harness/emulator/src/test/python/test_aws_rules.py with boto3 from the moto venv; that script also starts the
 * plain moto_server it compares with. Python, because boto3 is already in that venv and each rule
 * is a few calls there, against a few dozen lines of SigV4 and XML per call in Java. Each Python
 * test is reported here as one dynamic test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwsRulesIT {

  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private MotoServer server;
  private CommandResult run;
  private JsonNode report;

  @BeforeAll
  void runPythonTests() throws IOException {
    runtime = ToolRuntime.fromSystemProperty();
    server = runtime.startMoto();
    Path reportFile = Files.createTempFile("drslink-aws-rules", ".json");
    try {
      List<String> command = new ArrayList<>();
      command.add(hostPython().toString());
      command.add(project.resolve("src/harness/emulator/src/test/python/test_aws_rules.py").toString());
      command.add("--rules-endpoint");
      command.add(server.endpoint());
      command.add("--report");
      command.add(reportFile.toString());
      ProcessBuilder pb = new ProcessBuilder(command).directory(project.toFile());
      pb.environment()
          .keySet()
          .removeIf(k -> k.startsWith("AWS_") || LocalRunner.isProxyVar(k));
      run = Processes.run(pb, command, TIMEOUT);
      System.out.println(run.stdout());
      System.out.println(run.stderr());
      String json = Files.readString(reportFile);
      report = json.isBlank() ? null : new ObjectMapper().readTree(json);
    } finally {
      Files.deleteIfExists(reportFile);
    }
  }

  @AfterAll
  void stop() {
    Cleanup.closeAll(server, runtime);
  }

  @TestFactory
  Stream<DynamicTest> everyRule() {
    if (report == null || report.isEmpty()) {
      return Stream.of(
          DynamicTest.dynamicTest(
              "python tests ran",
              () -> assertFalse(true, "no report from test_aws_rules.py:\n" + output())));
    }
    List<DynamicTest> tests = new ArrayList<>();
    report
        .fields()
        .forEachRemaining(
            e ->
                tests.add(
                    DynamicTest.dynamicTest(
                        e.getKey(), () -> assertEquals("ok", e.getValue().asText(), e.getKey()))));
    tests.add(
        DynamicTest.dynamicTest(
            "python exit code", () -> assertEquals(0, run.exitCode(), output())));
    return tests.stream();
  }

  private String output() {
    return run.stdout() + "\n" + run.stderr();
  }

  /** The python of the moto venv: next to moto_server (DRSLINK_MOTO_SERVER, else PATH). */
  private static Path hostPython() {
    Optional<Path> motoServer =
        Optional.ofNullable(System.getenv("DRSLINK_MOTO_SERVER"))
            .filter(s -> !s.isBlank())
            .map(Path::of)
            .filter(Files::isExecutable)
            .or(() -> LocalRunner.onPath("moto_server"));
    return motoServer
        .map(p -> p.resolveSibling("python3"))
        .filter(Files::isExecutable)
        .orElseThrow(
            () ->
                new MissingToolException(
                    "no python3 of the moto venv (DRSLINK_MOTO_SERVER or moto_server on PATH)"));
  }
}
