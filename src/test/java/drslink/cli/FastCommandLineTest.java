package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The fast path must be invisible: every line it takes prints, writes and returns what picocli's run of the same line
 * does, and every line it does not take is picocli's anyway.
 */
class FastCommandLineTest {
  @TempDir static Path tmp;
  static String out;
  static String broken;

  @BeforeAll
  static void generateOnce() throws Exception {
    out = tmp.resolve("out").toString();
    assertEquals(0, CliRun.ofWholeTree("generate", "-q", CliTest.EXAMPLE, "--out", out).exitCode());
    Path invalid = tmp.resolve("invalid.yaml");
    java.nio.file.Files.writeString(invalid, "version: 1\nname: Bad Name\n");
    broken = invalid.toString();
  }

  /** Lines the fast path takes: every option in every order that matters, valid and invalid topologies. */
  static Stream<List<String>> acceptedLines() {
    String example = CliTest.EXAMPLE;
    List<List<String>> lines = new ArrayList<>();
    for (String topology : List.of(example, broken, "no/such/file.yaml")) {
      lines.add(List.of("validate", topology));
      lines.add(List.of("validate", "--strict", "-q", topology));
      lines.add(List.of("validate", topology, "--quiet", "-vv"));
      lines.add(List.of("validate", "-v", "--verbose", topology, "-v"));
      lines.add(List.of("check", topology, "-o", out));
      lines.add(List.of("check", "--out", out, "-q", topology));
      lines.add(List.of("generate", "--check", topology, "--out", out));
      lines.add(List.of("generate", "--strict", "-v", topology, "-o", out));
    }
    lines.add(List.of("check", example, "-o", tmp.resolve("missing").toString()));
    lines.add(List.of("generate", "-q", example, "--out", out));
    lines.add(List.of("generate", example, "-o", tmp.resolve("second").toString()));
    return lines.stream();
  }

  /** Lines the fast path leaves to picocli: help, versions, picocli's own syntax and every usage error. */
  static Stream<List<String>> declinedLines() {
    String example = CliTest.EXAMPLE;
    return Stream.of(
        List.of("validate"),
        List.of("validate", "--help"),
        List.of("validate", "-V"),
        List.of("validate", "-qv", example),
        List.of("validate", "-q", "-q", example),
        List.of("validate", "--strict", "--strict", example),
        List.of("validate", example, "extra"),
        List.of("validate", "--no-such-option", example),
        List.of("validate", "@args.txt"),
        List.of("validate", "--", example),
        List.of("validate", ""),
        List.of("validate", "--check", example),
        List.of("generate", example),
        List.of("generate", example, "--out"),
        List.of("generate", example, "--out", "-q"),
        List.of("generate", example, "--out=" + out),
        List.of("generate", example, "-o" + out),
        List.of("generate", example, "-o", out, "-o", out),
        List.of("check", "--check", example, "-o", out),
        List.of("plan", example),
        List.of("valdate", example));
  }

  @ParameterizedTest
  @MethodSource("acceptedLines")
  void takesTheEverydayLinesAndPrintsWhatPicocliPrints(List<String> args) {
    String[] argv = args.toArray(String[]::new);
    assertTrue(FastCommandLine.parse(argv).isPresent(), "the fast path should take: " + args);
    CliRun picocli = CliRun.ofWholeTree(argv);
    CliRun fast = CliRun.of(argv);
    assertEquals(picocli, fast, String.join(" ", args));
  }

  @ParameterizedTest
  @MethodSource("declinedLines")
  void leavesEverythingElseToPicocli(List<String> args) {
    String[] argv = args.toArray(String[]::new);
    assertTrue(FastCommandLine.parse(argv).isEmpty(), "the fast path should leave to picocli: " + args);
    assertEquals(CliRun.ofWholeTree(argv), CliRun.of(argv), String.join(" ", args));
  }

  @Test
  void parsesVerbosityAndFlagsAsPicocliDoes() {
    FastCommandLine.Parsed parsed = FastCommandLine.parse("generate", "-vv", "x.yaml", "--verbose", "-o", "d", "--check").orElseThrow();
    assertEquals(3, parsed.verbosity());
    assertEquals(java.util.Set.of("check"), parsed.flags());
    assertEquals(Path.of("x.yaml"), parsed.topology());
    assertEquals(Path.of("d"), parsed.out().orElseThrow());
  }

  /** Every name the fast path knows is an option of that command in picocli's model, of the same kind. */
  @Test
  void knowsOnlyOptionsPicocliDeclaresWithTheSameArity() {
    CommandLine whole = Drslink.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    FastCommandLine.SHAPES.forEach(
        (command, shape) -> {
          CommandSpec spec = whole.getSubcommands().get(command).getCommandSpec();
          assertEquals(1, spec.positionalParameters().size(), command + ": one positional, the topology");
          check(command, spec, shape.flags(), 0);
          check(command, spec, shape.valued(), 1);
        });
  }

  private static void check(String command, CommandSpec spec, Map<String, String> names, int arity) {
    names.forEach(
        (name, canonical) -> {
          OptionSpec option = spec.findOption(name);
          assertNotNull(option, command + " " + name + " is not an option in picocli's model");
          assertEquals(arity, option.arity().max(), command + " " + name + ": arity");
          names.forEach((other, otherCanonical) -> {
            if (otherCanonical.equals(canonical)) {
              assertSame(option, spec.findOption(other), command + ": " + name + " and " + other + " are one option");
            }
          });
        });
  }
}
