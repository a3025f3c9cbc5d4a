package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each command's help, as printed: the command model is built by hand with picocli's programmatic API (CommandSpecs),
 * so an option's arity, label, default or order could change by accident; this pins what users read. The files were
 * first written from the annotated commands before the move, and matched them byte for byte. Run with
 * -Ddrslink.updateGolden=true to rewrite them, then review git diff.
 */
class HelpGoldenTest {
  private static final Path DIR = Path.of("src/test/resources/help");

  static Stream<String> commands() {
    return Stream.concat(Stream.of(""), DrslinkCommand.SUBCOMMANDS.stream().filter(DrslinkCommand::standalone));
  }

  @ParameterizedTest(name = "drslink {0} --help")
  @MethodSource("commands")
  void helpIsAsPinned(String command) throws IOException {
    CliRun run = command.isEmpty() ? CliRun.of("--help") : CliRun.of(command, "--help");
    assertEquals(0, run.exitCode(), run.err());
    Path golden = DIR.resolve((command.isEmpty() ? "drslink" : command) + ".txt");
    if (Boolean.getBoolean("drslink.updateGolden")) {
      Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), run.out(), "help of `drslink " + command + "` (see " + golden + ")");
  }
}
