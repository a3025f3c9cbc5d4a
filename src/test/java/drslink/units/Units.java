package drslink.units;

import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.render.RenderedTree;
import java.nio.file.Path;
import java.util.function.Function;

/** Test helper: the plan of a topology file that must be valid, and a renderer with its guide. */
final class Units {
  private Units() {}

  static Plan plan(Pipeline pipeline, String topology) {
    Loaded loaded = pipeline.load(Path.of(topology));
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    return pipeline.plan(loaded);
  }

  /** Renders one root of {@code topology}'s plan (or of a unit's share of it) with the whole plan's guide. */
  static Function<Plan, RenderedTree> renderer(Pipeline pipeline, String topology) {
    Loaded loaded = pipeline.load(Path.of(topology));
    Guide guide = pipeline.guide(loaded, pipeline.plan(loaded));
    return plan -> pipeline.render(plan, guide);
  }
}
