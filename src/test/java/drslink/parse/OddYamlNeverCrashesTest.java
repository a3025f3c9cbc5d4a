package drslink.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exit 70 ("a bug in drslink") must never be the answer to input. Each example is mutated line by line into odd
 * YAML (nulls and mappings where lists are expected, huge numbers, NUL, merge keys, anchors merged elsewhere,
 * duplicate keys, truncations, extra documents) and planned; every run must end in 0 or 1. A merge key inside
 * transit_gateways once ended in a NullPointerException this way (issue 20). A bounded sample (two examples, about 20 s): the full sweep over all six
 * (12,000 mutants, about 90 s) found nothing more.
 */
class OddYamlNeverCrashesTest {
  private static final String[] VALUES = {"null", "[]", "{}", "99999999999999999999999", "-1", "\"\\0\"", "[null]", "{<<: {}}", "&z {q: 1}", "\"\\U0001F600\""};
  private static final String[] INSERTS = {"<<: {}", "<<: [1]", "<<: {id: x}", "zz: 1"};

  @ParameterizedTest
  @ValueSource(strings = {"transit-gateway", "hybrid"})
  void planEndsInZeroOrOneOnEveryMutant(String example, @TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("examples", example, "topology.yaml"));
    List<String> mutants = mutants(lines);
    Path file = dir.resolve("topology.yaml");
    List<String> crashes = new ArrayList<>();
    for (String mutant : mutants) {
      Files.writeString(file, mutant);
      CliRun run = CliRun.of("plan", file.toString());
      if (run.exitCode() != 0 && run.exitCode() != 1) {
        crashes.add("exit " + run.exitCode() + ": " + run.err().lines().findFirst().orElse("") + "\n" + mutant);
      }
    }
    assertEquals(List.of(), crashes.stream().limit(3).toList(), crashes.size() + " of " + mutants.size() + " mutants did not end in 0 or 1");
  }

  private static List<String> mutants(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int indent = line.length() - line.stripLeading().length();
      int colon = line.indexOf(": ");
      if (colon > 0 && !line.substring(0, colon).contains("{")) {
        for (String value : VALUES) {
          out.add(replaced(lines, i, line.substring(0, colon + 2) + value));
        }
        out.add(inserted(lines, i + 1, line));
        int brace = line.indexOf('{', colon);
        if (brace > 0) {
          // Anchor a flow mapping and merge it into the next sibling, or next to it.
          List<String> copy = new ArrayList<>(lines);
          copy.set(i, line.substring(0, colon + 2) + "&m " + line.substring(colon + 2));
          copy.add(i + 1, " ".repeat(indent) + "<<: *m");
          out.add(String.join("\n", copy) + "\n");
        }
      }
      if (trimmed.matches("(- )?[a-z_0-9-]+:.*")) {
        int pad = trimmed.startsWith("- ") ? indent + 2 : indent;
        for (String insert : INSERTS) {
          List<String> copy = new ArrayList<>(lines);
          if (trimmed.startsWith("- ")) {
            copy.set(i, " ".repeat(pad) + trimmed.substring(2));
            copy.add(i, " ".repeat(indent) + "- " + insert);
          } else {
            copy.add(i + 1, " ".repeat(pad) + insert);
          }
          out.add(String.join("\n", copy) + "\n");
        }
      }
      if (trimmed.startsWith("- ")) {
        out.add(replaced(lines, i, " ".repeat(indent) + "- null"));
        out.add(replaced(lines, i, " ".repeat(indent) + "- [[a]]"));
      }
    }
    for (int end = 1; end < lines.size(); end += 5) {
      out.add(String.join("\n", lines.subList(0, end)) + "\n");
    }
    out.add("---\n---\n" + String.join("\n", lines) + "\n");
    out.add(String.join("\n", lines) + "\n---\n");
    return out;
  }

  private static String replaced(List<String> lines, int index, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.set(index, line);
    return String.join("\n", copy) + "\n";
  }

  private static String inserted(List<String> lines, int index, String line) {
    List<String> copy = new ArrayList<>(lines);
    copy.add(index, line);
    return String.join("\n", copy) + "\n";
  }
}
