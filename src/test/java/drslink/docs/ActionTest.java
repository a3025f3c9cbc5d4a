package drslink.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import drslink.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * action.yml (the GitHub Action) is a composite action whose drslink command lines exist with the options they use:
 * each is run here with its inputs replaced by the bundled example.
 */
class ActionTest {
  @Test
  void everyDrslinkLineRuns() throws Exception {
    JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
    assertEquals("composite", action.path("runs").path("using").asText());
    List<String> lines = new ArrayList<>();
    action.path("runs").path("steps").forEach(step -> step.path("run").asText("").lines().filter(l -> l.strip().startsWith("drslink ")).forEach(lines::add));
    assertEquals(3, lines.size(), lines.toString());
    Pattern token = Pattern.compile("\"[^\"]*\"|\\$\\{\\{.*?\\}\\}|[^\\s]+");
    for (String line : lines) {
      List<String> args = new ArrayList<>();
      Matcher m = token.matcher(line.replaceFirst(">.*", "").strip());
      while (m.find()) {
        String t = m.group();
        if (t.contains("inputs.strict")) {
          args.add("--strict");
        } else if (t.contains("inputs.topology")) {
          args.add("examples/tokyo-osaka/topology.yaml");
        } else if (t.contains("inputs.terraform-dir")) {
          args.add("src/test/resources/golden/tokyo-osaka/expected");
        } else {
          args.add(t);
        }
      }
      args.remove(0); // drslink
      CliRun run = CliRun.of(args.toArray(String[]::new));
      // validate --strict exits 1 on the example's warning DRS103; anything but a usage error (2) means the line is right.
      assertTrue(run.exitCode() != 2, line + " -> " + run.exitCode() + " " + run.err());
      if (args.get(0).equals("plan")) {
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("## drslink plan: tokyo-osaka") && run.out().contains("### Cost estimate"), run.out());
      }
    }
  }
}
