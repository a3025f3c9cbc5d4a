package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} is a pipeline gate: 0 when the committed folder matches, 3 with a diff when it does not. */
class CheckTest {
  static final String EXAMPLE = "examples/tokyo-osaka/topology.yaml";

  @TempDir Path tmp;
  Path out;

  @BeforeEach
  void generate() {
    out = tmp.resolve("out");
    assertEquals(0, CliRun.of("generate", "-q", EXAMPLE, "--out", out.toString()).exitCode());
  }

  @Test
  void freshOutputIsUpToDate() {
    CliRun run = CliRun.of("check", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
    assertTrue(run.out().contains("is up to date"), run.out());
  }

  @Test
  void handEditIsDetectedWithAUnifiedDiff() throws IOException {
    Path main = out.resolve("main.tf");
    Files.writeString(main, Files.readString(main).replace("\"tokyo-osaka-dr\"", "\"hand-edited\""));
    CliRun run = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.STALE_OUTPUT, run.exitCode());
    assertTrue(run.out().contains("--- committed/main.tf\n+++ generated/main.tf\n@@ -"), run.out());
    assertTrue(run.out().contains("\n-  name                = \"hand-edited\"\n+  name                = \"tokyo-osaka-dr\"\n"), run.out());
    assertTrue(run.err().contains("is stale or was edited by hand (1 file)"), run.err());
  }

  @Test
  void deletedAndExtraModuleFilesAreStale() throws IOException {
    Files.delete(out.resolve("modules/private-dns/main.tf"));
    Files.writeString(out.resolve("modules/extra.tf"), "x\n");
    CliRun run = CliRun.of("generate", "--check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.STALE_OUTPUT, run.exitCode());
    assertTrue(run.out().contains("--- /dev/null\n+++ generated/modules/private-dns/main.tf"), run.out());
    assertTrue(run.out().contains("--- committed/modules/extra.tf\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-x\n"), run.out());
  }

  @Test
  void filesOfTheUserBesideTheOutputAreIgnored() throws IOException {
    Files.writeString(out.resolve("backend.tf"), "terraform {}\n");
    assertEquals(ExitCodes.OK, CliRun.of("check", "-q", EXAMPLE, "--out", out.toString()).exitCode());
  }

  @Test
  void checkWritesNothing() throws IOException {
    Path missing = tmp.resolve("never");
    assertEquals(ExitCodes.STALE_OUTPUT, CliRun.of("check", "-q", EXAMPLE, "--out", missing.toString()).exitCode());
    assertTrue(Files.notExists(missing));
  }
}
