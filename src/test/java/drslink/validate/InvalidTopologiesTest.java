package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.cli.Drslink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every directory under {@code src/test/resources/invalid/} is one case: {@code topology.yaml}, the exact
 * stderr of {@code drslink validate} in {@code expected.txt}, and optionally extra options in
 * {@code args.txt} (the {@code strict-*} cases hold warnings and pass {@code --strict}). The real CLI runs
 * in-process with the path relative to the project root, as a user would type it.
 * {@code mvn test -Ddrslink.updateGolden=true} rewrites the expected files; review them with git diff.
 */
class InvalidTopologiesTest {
  static final Path CASES = Path.of("src/test/resources/invalid");
  private static final boolean UPDATE = Boolean.getBoolean("drslink.updateGolden");
  private static final Pattern LINE = Pattern.compile("(.+):(\\d+):(\\d+): (error|warning): (.+) \\(hint: (.+)\\)");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CASES)) {
      return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList().stream();
    }
  }

  /** The path exactly as the tests pass it, and so as it appears in every diagnostic. */
  static String topologyPath(String name) {
    return CASES.resolve(name).resolve("topology.yaml").toString().replace('\\', '/');
  }

  static List<String> extraArgs(String name) throws IOException {
    Path args = CASES.resolve(name).resolve("args.txt");
    return Files.exists(args) ? Arrays.asList(Files.readString(args).strip().split("\\s+")) : List.of();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedDiagnostics(String name) throws IOException {
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(extraArgs(name));
    args.add(topologyPath(name));
    Run run = Run.of(args.toArray(String[]::new));

    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.out(), "an invalid topology prints nothing on stdout");
    assertWellFormedAndSorted(topologyPath(name), run.err());
    Path expected = CASES.resolve(name).resolve("expected.txt");
    if (UPDATE) {
      Files.writeString(expected, run.err(), StandardCharsets.UTF_8);
      return;
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), run.err());
  }

  /** Each line is FILE:LINE:COL: severity: message (hint: ...), in this file, and the lines are in file order. */
  static void assertWellFormedAndSorted(String file, String err) {
    assertFalse(err.isEmpty(), "at least one diagnostic");
    assertTrue(err.endsWith("\n"), "ends with a newline");
    long previous = 0;
    for (String line : err.split("\n")) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "not FILE:LINE:COL: severity: message (hint: ...): " + line);
      assertEquals(file, m.group(1), line);
      long position = Long.parseLong(m.group(2)) * 100_000 + Long.parseLong(m.group(3));
      assertTrue(position >= previous, "diagnostics are sorted by location: " + line);
      previous = position;
    }
  }

  @Test
  void rejectsAFileLargerThanOneMebibyteBeforeParsingIt(@TempDir Path tmp) throws IOException {
    // Generated rather than committed: the repository should not carry a megabyte of filler.
    Path file = tmp.resolve("topology.yaml");
    byte[] filler = ("# filler\n".repeat(1024 * 1024 / 9 + 1)).getBytes(StandardCharsets.US_ASCII);
    assertTrue(filler.length > 1024 * 1024);
    Files.write(file, filler);

    Run run = Run.of("validate", file.toString());

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertEquals(file + ":1:1: error: file is larger than 1024 KiB (hint: a topology is a few kilobytes; check that this is the right file)\n", run.err());
  }

  @Test
  void readsAFileOfExactlyOneMebibyte(@TempDir Path tmp) throws IOException {
    String topology = Files.readString(CASES.resolve("strict-failback-false/topology.yaml")).replace("failback: false", "failback: true");
    int padding = 1024 * 1024 - topology.length();
    String text = "#".repeat(padding - 1) + "\n" + topology;
    assertEquals(1024 * 1024, text.getBytes(StandardCharsets.UTF_8).length);
    Path file = tmp.resolve("topology.yaml");
    Files.writeString(file, text);

    Run run = Run.of("validate", file.toString());

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void reportsAMissingFileAtItsPath() {
    Run run = Run.of("validate", "src/test/resources/invalid/no-such-case/topology.yaml");

    assertEquals(1, run.exitCode());
    assertEquals(
        "src/test/resources/invalid/no-such-case/topology.yaml:1:1: error: file not found (hint: check the path; the bundled example is examples/tokyo-osaka/topology.yaml)\n",
        run.err());
  }

  /** One in-process run of the real command line with captured output. */
  record Run(int exitCode, String out, String err) {
    static Run of(String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code = Drslink.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
      return new Run(code, out.toString(), err.toString());
    }
  }
}
