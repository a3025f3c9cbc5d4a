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
  void filesUsersAreToldToKeepAreAllowed() throws IOException {
    Files.writeString(out.resolve("backend.tf"), "terraform {}\n");
    Files.writeString(out.resolve("prod.auto.tfvars"), "x = 1\n");
    Files.writeString(out.resolve("terraform.tfvars"), "x = 1\n");
    Files.writeString(out.resolve(".terraform.lock.hcl"), "# lock\n");
    Files.writeString(out.resolve("terraform.tfstate"), "{}");
    Files.writeString(out.resolve("terraform.tfstate.backup"), "{}");
    Files.createDirectories(out.resolve(".terraform/providers"));
    Files.write(out.resolve(".terraform/providers/aws"), new byte[] {(byte) 0xff, 0});
    CliRun run = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.OK, run.exitCode(), run.out() + run.err());
  }

  /** Issue 23: a resource file added by hand would ride along unreviewed; it is a finding like a hand edit. */
  @Test
  void aHandAddedFileIsAFinding() throws IOException {
    Files.writeString(out.resolve("extra.tf"), "resource \"aws_instance\" \"x\" {}\n");
    Files.createDirectories(out.resolve("scripts"));
    Files.write(out.resolve("scripts/tool.bin"), new byte[] {(byte) 0xff, (byte) 0xfe, 0});
    CliRun run = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.STALE_OUTPUT, run.exitCode());
    assertTrue(run.out().contains("--- committed/extra.tf\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-resource \"aws_instance\" \"x\" {}\n"), run.out());
    assertTrue(run.out().contains("Binary files committed/scripts/tool.bin and /dev/null differ\n"), run.out());
    assertTrue(run.err().contains("(2 files)") && run.err().contains("one of those users keep (backend.tf, *.auto.tfvars"), run.err());
  }

  @Test
  void aMissingOrEditedManifestIsStale() throws IOException {
    Path manifest = out.resolve(".drslink-manifest");
    Files.writeString(manifest, Files.readString(manifest).replace("provider ap_northeast_3\n", ""));
    CliRun edited = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.STALE_OUTPUT, edited.exitCode());
    assertTrue(edited.out().contains("+provider ap_northeast_3\n"), edited.out());

    Files.delete(manifest);
    CliRun missing = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString());
    assertEquals(ExitCodes.STALE_OUTPUT, missing.exitCode());
    assertTrue(missing.out().contains("--- /dev/null\n+++ generated/.drslink-manifest\n"), missing.out());
  }

  @Test
  void checkWritesNothing() throws IOException {
    Path missing = tmp.resolve("never");
    assertEquals(ExitCodes.STALE_OUTPUT, CliRun.of("check", "-q", EXAMPLE, "--out", missing.toString()).exitCode());
    assertTrue(Files.notExists(missing));
  }
}
