package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The live pipeline example runs preflight, then apply, then verify; the README documents both commands. */
class LivePipelineExampleTest {

  @Test
  void pipelineRunsPreflightBeforeApplyAndVerifyAfter() throws IOException {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("examples/ci/github-actions-live.yml").toFile());
    List<String> steps = new ArrayList<>();
    root.path("jobs").forEach(job -> job.path("steps").forEach(s -> {
      String run = s.path("run").asText("");
      if (run.contains("drslink.jar preflight")) {
        steps.add("preflight");
      } else if (run.contains("apply")) {
        steps.add("apply");
      } else if (run.contains("drslink.jar verify")) {
        steps.add("verify");
      }
    }));
    assertEquals(List.of("preflight", "apply", "verify"), steps);
  }

  @Test
  void readmeDocumentsTheCommandsAndTheirExitCodes() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (String command : List.of("preflight", "verify")) {
      assertTrue(readme.contains("drslink " + command), command);
      assertEquals(0, CliRun.of(command, "--help").exitCode(), command);
    }
    assertTrue(readme.contains("| 5 | `preflight` / `verify`"), "exit code 5 documented");
    assertTrue(readme.contains("| 6 | `preflight` / `verify`"), "exit code 6 documented");
  }

  /** No reachable account: one line per failed read naming the cause and endpoint, exit 6, no stack trace. Nothing leaves 127.0.0.1. */
  @Test
  void unreadableAccountIsOneLineAndExit6() {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    System.setProperty("aws.disableEc2Metadata", "true");
    try {
      CliRun run = CliRun.of("verify", "-q", "--endpoint-url", "http://127.0.0.1:9", "examples/tokyo-osaka/topology.yaml");
      assertEquals(6, run.exitCode(), run.err());
      List<String> lines = run.err().lines().toList();
      assertTrue(lines.size() >= 2, run.err());
      for (String line : lines.subList(0, lines.size() - 1)) {
        assertTrue(line.startsWith("drslink: verify: cannot read: network: connection refused (") && line.endsWith(" at http://127.0.0.1:9)"), line);
      }
      assertTrue(lines.get(lines.size() - 1).startsWith("drslink: verify: the result is incomplete (hint: "), run.err());
      assertTrue(!run.err().contains("\tat "), "no stack trace");
    } finally {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.disableEc2Metadata");
    }
  }
}
