package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training run behind the start-up archive (scripts/cds.sh) runs every command without an internal error. */
class TrainingTest {
  @Test
  void runsEveryCommandOnTheExamples(@TempDir Path out) {
    assertEquals(0, Training.run(out, List.of(CliTest.EXAMPLE, "examples/hybrid/topology.yaml")));
    assertTrue(Files.isRegularFile(out.resolve("root0/main.tf")), "generate wrote the root");
  }
}
