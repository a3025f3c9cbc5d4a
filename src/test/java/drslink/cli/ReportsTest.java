package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.pipeline.ReportFormat;
import drslink.plan.Guide;
import drslink.plan.Plan;
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

  /** Through the facade, as the commands run it (PipelineTest holds the commands' output to the facade's). */
  /** The diagram of an example, as {@code drslink diagram} draws it. */
  static String diagram(String example, Pipeline pipeline, boolean dot) {
    Loaded loaded = pipeline.load(Path.of(topology(example)));
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    Plan plan = pipeline.plan(loaded);
    Guide guide = pipeline.guide(loaded, plan);
    return dot ? pipeline.dot(plan, guide) : pipeline.mermaid(plan, guide);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void markdownPlanIsStable(String example) throws IOException {
    Pipeline pipeline = new Pipeline();
    Loaded loaded = pipeline.load(Path.of(topology(example)));
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    Plan plan = pipeline.plan(loaded);
    String markdown = pipeline.report(plan, pipeline.guide(loaded, plan), loaded.diagnostics(), ReportFormat.markdown);
    assertTrue(markdown.contains("\n```mermaid\nflowchart LR\n"), markdown);
    assertGolden(example + ".plan.md", markdown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void mermaidEdgesJoinDeclaredNodes(String example) throws IOException {
    Pipeline pipeline = new Pipeline();
    String mermaid = diagram(example, pipeline, false);
    Set<String> nodes = new HashSet<>();
    Matcher declared = Pattern.compile("^\\s+(\\w+)(\\[\"|\\(\\[\"|\\[\\(\"|\\{\\{\")", Pattern.MULTILINE).matcher(mermaid);
    while (declared.find()) {
      nodes.add(declared.group(1));
    }
    Matcher edges = Pattern.compile("^\\s+(\\w+) -\\.?->\\|[^|]+\\| (\\w+)$", Pattern.MULTILINE).matcher(mermaid);
    int count = 0;
    while (edges.find()) {
      assertTrue(nodes.contains(edges.group(1)) && nodes.contains(edges.group(2)), "edge " + edges.group() + " joins declared nodes " + nodes);
      count++;
    }
    assertTrue(count > 2, mermaid);
    assertGolden(example + ".mmd", mermaid);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void dotIsBalancedAndStable(String example) throws IOException {
    Pipeline pipeline = new Pipeline();
    String dot = diagram(example, pipeline, true);
    assertTrue(dot.startsWith("digraph drslink {"));
    assertEquals(dot.chars().filter(c -> c == '{').count(), dot.chars().filter(c -> c == '}').count());
    assertTrue(List.of(dot.split("\n")).stream().filter(l -> l.contains("->")).allMatch(l -> l.endsWith("];")));
    assertGolden(example + ".dot", dot);
  }
}
