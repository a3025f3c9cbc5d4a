package drslink.units;

import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Plan;
import java.nio.file.Path;

/** Test helper: the plan of a topology file that must be valid. */
final class Units {
  private Units() {}

  static Plan plan(Pipeline pipeline, String topology) {
    Loaded loaded = pipeline.load(Path.of(topology));
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    return pipeline.plan(loaded);
  }
}
