package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drslink.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run of one command builds that command only (start-up time); what it prints and returns must be what the whole
 * command tree prints and returns, for good input, bad input and usage errors alike.
 */
class LazyCommandTreeTest {
  @TempDir static Path tmp;

  static Stream<List<String>> commandLines() {
    String example = CliTest.EXAMPLE;
    return Stream.of(
        List.of("validate", example),
        List.of("validate", "-q", "--strict", example),
        List.of("validate"),
        List.of("validate", "--help"),
        List.of("validate", "--version"),
        List.of("validate", "--no-such-option", example),
        List.of("validate", example, "extra"),
        List.of("validate", "no/such/file.yaml"),
        List.of("plan", example),
        List.of("plan", "--format", "json", example),
        List.of("plan", "--format", "nope", example),
        List.of("generate", example),
        List.of("generate", "-h"),
        List.of("generate", "--check", example, "--out", "no/such/dir"),
        List.of("check", example),
        List.of("diagram", "--format", "dot", example),
        List.of("schema"),
        List.of("schema", "--help"),
        List.of("--version"),
        List.of("valdate", example));
  }

  @ParameterizedTest
  @MethodSource("commandLines")
  void printsWhatTheWholeTreePrints(List<String> args) {
    String[] argv = args.toArray(String[]::new);
    CliRun whole = CliRun.ofWholeTree(argv);
    CliRun lazy = CliRun.of(argv);
    assertEquals(whole, lazy, String.join(" ", args));
  }

  @Test
  void writesWhatTheWholeTreeWrites() {
    String example = CliTest.EXAMPLE;
    Path a = tmp.resolve("whole");
    Path b = tmp.resolve("lazy");
    assertEquals(0, CliRun.ofWholeTree("generate", "-q", example, "--out", a.toString()).exitCode());
    assertEquals(0, CliRun.of("generate", "-q", example, "--out", b.toString()).exitCode());
    assertEquals(ExitCodes.OK, CliRun.of("check", "-q", example, "--out", a.toString()).exitCode());
    assertEquals(ExitCodes.OK, CliRun.ofWholeTree("check", "-q", example, "--out", b.toString()).exitCode());
  }
}
