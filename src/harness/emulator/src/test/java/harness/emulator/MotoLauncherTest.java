package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher, the AWS rules and the DRS stand-in travel as one folder of classpath resources, and
 * each is valid Python. What they do to requests is proven against a running moto: the rules by
 * src/test/python/test_aws_rules.py, the stand-in through the real provider (drslink's AwsRulesIT
 * and DrsStandInIT run both).
 */
class MotoLauncherTest {

  @TempDir Path tmp;

  @Test
  void everyFileIsExtractedIntoOneFolderBesideTheLauncher() throws IOException {
    Path launcher = MotoLauncher.extractTo(tmp);
    assertEquals(tmp.resolve("moto_e2e.py"), launcher);
    for (String f : MotoLauncher.FILES) {
      assertTrue(Files.size(tmp.resolve(f)) > 1000, f);
    }
  }

  @Test
  void theLauncherImportsTheRulesAndTheStandInFromItsOwnFolder() throws IOException {
    String launcher = Files.readString(MotoLauncher.extractTo(tmp));
    assertTrue(launcher.contains("\nimport aws_rules\n"), "moto_e2e.py imports aws_rules");
    assertTrue(launcher.contains("\nfrom drs_standin import "), "moto_e2e.py imports drs_standin");
    assertTrue(
        launcher.contains(MotoLauncher.CALL_LOG_PREFIX.strip()),
        "MotoServer reports the launcher's failed-call lines by this prefix");
    assertTrue(
        launcher.contains(MotoLauncher.SENT_AGAIN.strip()),
        "MotoServer reports the calls the SDK sent again by these words");
  }

  @Test
  void everyFileCompiles() throws Exception {
    MotoLauncher.extractTo(tmp);
    List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
    for (String f : MotoLauncher.FILES) {
      command.add(tmp.resolve(f).toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "py_compile timed out");
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), out);
  }
}
