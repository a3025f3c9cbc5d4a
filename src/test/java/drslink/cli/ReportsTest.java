package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** plan --format markdown and diagram: golden text per example, and diagrams whose edges only join declared nodes. */
class ReportsTest {
  static final Path REPORTS = Path.of("src/test/resources/reports");

  static Stream<String> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("topology.yaml"))).map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  static String topology(String example) {
    return "examples/" + example + "/topology.yaml";
  }

  static void assertGolden(String file, String actual) throws IOException {
    Path expected = REPORTS.resolve(file);
    if (Boolean.getBoolean("drslink.updateGolden")) {
      Files.writeString(expected, actual);
      return;
    }
    assertEquals(Files.readString(expected), actual, file + " (rerun with -Ddrslink.updateGolden=true and review git diff)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void markdownPlanIsStable(String example) throws IOException {
    CliRun run = CliRun.of("plan", "--format", "markdown", topology(example));
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\n```mermaid\nflowchart LR\n"), run.out());
    assertGolden(example + ".plan.md", run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void mermaidEdgesJoinDeclaredNodes(String example) throws IOException {
    CliRun run = CliRun.of("diagram", "-q", topology(example));
    assertEquals(0, run.exitCode(), run.err());
    Set<String> nodes = new HashSet<>();
    Matcher declared = Pattern.compile("^\\s+(\\w+)(\\[\"|\\(\\[\"|\\[\\(\"|\\{\\{\")", Pattern.MULTILINE).matcher(run.out());
    while (declared.find()) {
      nodes.add(declared.group(1));
    }
    Matcher edges = Pattern.compile("^\\s+(\\w+) -\\.?->\\|[^|]+\\| (\\w+)$", Pattern.MULTILINE).matcher(run.out());
    int count = 0;
    while (edges.find()) {
      assertTrue(nodes.contains(edges.group(1)) && nodes.contains(edges.group(2)), "edge " + edges.group() + " joins declared nodes " + nodes);
      count++;
    }
    assertTrue(count > 2, run.out());
    assertGolden(example + ".mmd", run.out());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void dotIsBalancedAndStable(String example) throws IOException {
    CliRun run = CliRun.of("diagram", "-q", "--format", "dot", topology(example));
    assertEquals(0, run.exitCode(), run.err());
    String dot = run.out();
    assertTrue(dot.startsWith("digraph drslink {"));
    assertEquals(dot.chars().filter(c -> c == '{').count(), dot.chars().filter(c -> c == '}').count());
    assertTrue(List.of(dot.split("\n")).stream().filter(l -> l.contains("->")).allMatch(l -> l.endsWith("];")));
    assertGolden(example + ".dot", dot);
  }
}
