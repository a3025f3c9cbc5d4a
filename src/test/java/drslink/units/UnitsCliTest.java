package drslink.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --layout units} and {@code check --layout units} from the command line. */
class UnitsCliTest {
  static final String EXAMPLE = "examples/cross-account/topology.yaml";

  @TempDir Path tmp;

  @Test
  void generateWritesTheUnitsAndCheckHoldsThemToTheTopology() throws IOException {
    Path out = tmp.resolve("units");
    assertEquals(0, CliRun.of("generate", "-q", EXAMPLE, "--out", out.toString(), "--layout", "units").exitCode());
    assertTrue(Files.isRegularFile(out.resolve("dr/eu-north-1/main.tf")));
    assertTrue(Files.isRegularFile(out.resolve("atlantis.yaml")));
    assertFalse(Files.exists(out.resolve("main.tf")), "no single root beside the units");
    assertEquals(0, CliRun.of("check", "-q", EXAMPLE, "--out", out.toString(), "--layout", "units").exitCode());
    assertEquals(3, CliRun.of("check", "-q", EXAMPLE, "--out", out.toString()).exitCode(), "the single root is not what the folder holds");

    Path main = out.resolve("prod/eu-central-1/main.tf");
    Files.writeString(main, Files.readString(main) + "\n# edited\n");
    CliRun stale = CliRun.of("check", "-q", EXAMPLE, "--out", out.toString(), "--layout", "units");
    assertEquals(3, stale.exitCode());
    assertTrue(stale.err().contains("--layout units"), stale.err());
  }
}
