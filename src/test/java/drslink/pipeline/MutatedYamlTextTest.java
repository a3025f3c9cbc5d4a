package drslink.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.diag.Diagnostic;
import drslink.plan.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree-level fuzzer ({@link MutatedTopologiesTest}) only writes YAML a serializer would write. People write
 * YAML by hand: lines lost in a merge, indentation off by one, tabs, anchors and merge keys, a second document,
 * a stray quote, a byte in another encoding. Every such mutant of every example and golden topology must be refused with each error at a
 * line and column inside the file, or give a plan and a rendered root; never an exception (exit 70).
 */
class MutatedYamlTextTest {
  private static final int MUTANTS_PER_TOPOLOGY = Integer.getInteger("drslink.mutants", 60);
  private static final long SEED = Long.getLong("drslink.mutants.seed", 0);

  /** Fragments a hand edit may leave in a line; each exercises another path of the YAML reader. */
  private static final List<String> FRAGMENTS = List.of(
      "\t", " &a", " *a", "<<: *a", "<<: [*a, *b]", "---", "...", "? ", "- ", ": ", "'", "\"", "{", "[", "]",
      "}", "#", "!!binary ", "!tag ", "|", ">-", "~", "null", "0x1F", "1e9", ".inf", "yes", "\u00A0", "\uFEFF",
      "\uD83D\uDE00", "\u0000", "\\", "%YAML 1.2", "%{x}", "${x}");

  @TempDir Path dir;

  static Stream<Path> topologies() throws IOException {
    return MutatedTopologiesTest.topologies();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void everyHandEditIsRefusedWithLocationsOrGenerated(Path topology) throws IOException {
    List<String> original = Files.readAllLines(topology);
    Random random = new Random(topology.toString().hashCode() ^ SEED ^ 0x5EED);
    Pipeline pipeline = new Pipeline();
    List<String> failures = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < MUTANTS_PER_TOPOLOGY; i++) {
      List<String> lines = new ArrayList<>(original);
      List<String> applied = new ArrayList<>();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations && !lines.isEmpty(); m++) {
        applied.add(mutate(lines, random));
      }
      String text = String.join("\n", lines) + (random.nextBoolean() ? "\n" : "");
      Path file = dir.resolve("mutant-" + i + ".yaml");
      // getBytes replaces a surrogate half left by a cut with '?'; sometimes a Latin-1 byte (an editor's wrong
      // encoding) goes in as well, which is no UTF-8 at all
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(10) == 0) {
        int at = random.nextInt(bytes.length + 1);
        byte[] latin1 = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, latin1, 0, at);
        latin1[at] = (byte) 0xE9;
        System.arraycopy(bytes, at, latin1, at + 1, bytes.length - at);
        bytes = latin1;
        applied.add("byte 0xE9 at offset " + at);
      }
      Files.write(file, bytes);
      int lineCount = Math.max(1, lines.size() + 1);
      try {
        Loaded loaded = pipeline.load(file);
        for (Diagnostic d : loaded.diagnostics().sorted()) {
          if (!d.isError()) {
            continue;
          }
          if (d.location() == null || d.location().line() < 1 || d.location().line() > lineCount + 1) {
            failures.add(describe(topology, i, applied, text) + "error outside the file: " + d);
          }
        }
        if (loaded.usable(false)) {
          Plan plan = pipeline.plan(loaded);
          pipeline.render(plan, pipeline.guide(loaded, plan));
        } else {
          refused++;
        }
      } catch (RuntimeException | StackOverflowError e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        failures.add(describe(topology, i, applied, text) + trace.toString().lines().limit(12).reduce("", (a, b) -> a + "\n" + b));
      }
    }
    // a fuzzer whose mutants all pass would prove nothing: some hand edits must break the file
    assertTrue(refused > 0, "no mutant of " + topology + " was refused; the mutations do not reach the reader");
    assertTrue(failures.isEmpty(), failures.size() + " hand-edited mutants broke drslink:\n" + String.join("\n\n", failures));
  }

  private static String describe(Path topology, int i, List<String> applied, String text) {
    return topology + " mutant " + i + " " + applied + ":\n" + text + "\n";
  }

  /** Applies one hand-edit-like change to the lines; returns what it did. */
  private static String mutate(List<String> lines, Random random) {
    int at = random.nextInt(lines.size());
    String line = lines.get(at);
    switch (random.nextInt(7)) {
      case 0:
        lines.remove(at);
        return "delete line " + (at + 1);
      case 1:
        lines.add(at, line);
        return "repeat line " + (at + 1);
      case 2:
        lines.set(at, random.nextBoolean() ? " " + line : line.replaceFirst("^ ", ""));
        return "indent line " + (at + 1);
      case 3: {
        String fragment = FRAGMENTS.get(random.nextInt(FRAGMENTS.size()));
        int col = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, col) + fragment + line.substring(col));
        return "insert " + escape(fragment) + " at " + (at + 1) + ":" + (col + 1);
      }
      case 4: {
        int cut = random.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, cut));
        return "cut line " + (at + 1) + " at " + (cut + 1);
      }
      case 5: {
        int to = random.nextInt(lines.size());
        lines.add(to, lines.remove(at));
        return "move line " + (at + 1) + " to " + (to + 1);
      }
      default: {
        List<String> tail = new ArrayList<>(lines.subList(at, lines.size()));
        lines.subList(at, lines.size()).clear();
        lines.add(random.nextBoolean() ? "---" : "<<: *anchor");
        lines.addAll(tail);
        return "break at " + (at + 1);
      }
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(c -> b.append(c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c)));
    return b.toString();
  }
}
