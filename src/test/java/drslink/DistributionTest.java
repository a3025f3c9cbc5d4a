package drslink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The habits around the jar: CI examples that name real commands, completion and man pages. */
class DistributionTest {
  private static final Pattern DRSLINK_COMMAND = Pattern.compile("drslink\\.jar (\\w+)");

  static Set<String> commandsIn(String text) {
    Set<String> commands = new TreeSet<>();
    Matcher m = DRSLINK_COMMAND.matcher(text);
    while (m.find()) {
      commands.add(m.group(1));
    }
    return commands;
  }

  static List<String> runLines(JsonNode node) {
    List<String> lines = new ArrayList<>();
    node.findValues("run").forEach(n -> lines.add(n.asText()));
    node.findValues("entry").forEach(n -> lines.add(n.asText()));
    return lines;
  }

  @Test
  void ciExamplesParseAndRunValidateCheckAndPlan() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    for (String file : List.of("examples/ci/github-actions.yml", "examples/ci/pre-commit-config.yaml")) {
      JsonNode root = yaml.readTree(Path.of(file).toFile());
      Set<String> commands = commandsIn(String.join("\n", runLines(root)));
      assertEquals(Set.of("check", "plan", "validate"), commands, file);
    }
  }

  @Test
  void ciExamplesUseCommandsTheReadmeDocumentsAndTheCliAccepts() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    String workflow = Files.readString(Path.of("examples/ci/github-actions.yml"));
    for (String command : commandsIn(workflow)) {
      assertTrue(readme.contains("drslink " + command), "README documents " + command);
      assertEquals(0, CliRun.of(command, "--help").exitCode(), command + " exists");
    }
  }

  @Test
  void generatesBashCompletion() {
    CliRun run = CliRun.of("generate-completion");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("complete -F _complete_drslink"), run.out().substring(0, 200));
    assertTrue(run.out().contains("validate") && run.out().contains("generate"));
  }

  @Test
  void generatesManPagesForEveryCommand(@TempDir Path tmp) throws IOException {
    assertEquals(0, CliRun.of("gen-manpage", "-d", tmp.toString()).exitCode());
    for (String command : List.of("drslink", "drslink-validate", "drslink-plan", "drslink-generate", "drslink-check", "drslink-diagram")) {
      Path page = tmp.resolve(command + ".adoc");
      assertTrue(Files.isRegularFile(page), command);
      assertFalse(Files.readString(page).isBlank());
    }
  }
}
