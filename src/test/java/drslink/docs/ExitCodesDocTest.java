package drslink.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exit codes as the README's table, --help and the man pages state them agree with what drslink does
 * (issue 23: --strict's help said 1 where the README said 5; a man page used 4 for "exists").
 */
class ExitCodesDocTest {
  @Test
  void strictHelpNamesBothCodesItCauses() {
    String help = CliRun.of("validate", "--help").out().replaceAll("\\s+", " ");
    assertTrue(help.contains("a warning about the topology exits 1; in preflight and verify, a warning about the live account exits 5"), help);
  }

  @Test
  void strictWarningsAboutTheTopologyExit1(@TempDir Path dir) throws IOException {
    // examples/hybrid has warnings (DRS103, DRS228); --strict turns them into exit 1 in validate, plan and preflight alike.
    for (String command : new String[] {"validate", "plan"}) {
      assertEquals(1, CliRun.of(command, "--strict", "examples/hybrid/topology.yaml").exitCode(), command);
    }
    assertEquals(1, CliRun.of("preflight", "--strict", "--endpoint-url", "http://127.0.0.1:9", "examples/hybrid/topology.yaml").exitCode());
  }

  @Test
  void readmeTableListsCodes1And4And5AsTheyAre() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    assertTrue(readme.contains("| 1 | the topology has errors, or warnings under `--strict`"), "README exit 1");
    assertTrue(readme.contains("| 5 | `preflight` / `verify`"), "README exit 5");
    Matcher four = Pattern.compile("\\| 4 \\| ([^\\n]*)\\|").matcher(readme);
    assertTrue(four.find(), "README exit 4");
    assertTrue(four.group(1).contains("could not be written"), four.group(1));
  }

  @Test
  void manPageOfGenManpageUses4AsOutputNotWritable(@TempDir Path dir) throws IOException {
    assertEquals(0, CliRun.ofWholeTree("gen-manpage", "-d", dir.toString()).exitCode());
    String page = Files.readString(dir.resolve("drslink-gen-manpage.adoc")).replaceAll("\\s+", " ");
    assertTrue(page.contains("exit 4, drslink's code for output that could not be written"), page);
    // And it is what happens: templates written once, a second run without --force stops with 4.
    Path templates = dir.resolve("templates");
    assertEquals(0, CliRun.ofWholeTree("gen-manpage", "-d", dir.toString(), "-t", templates.toString()).exitCode());
    assertEquals(4, CliRun.ofWholeTree("gen-manpage", "-d", dir.toString(), "-t", templates.toString()).exitCode());
  }
}
