package drslink.units;

import drslink.plan.Plan;
import drslink.render.RenderedTree;
import java.util.function.Function;

/** How {@code generate} and {@code check} lay a plan out: one root (the default) or one root per account and region. */
public enum Layout {
  single,
  units;

  /** The files of {@code plan} in this layout; {@code root} prints one root. */
  public RenderedTree render(Plan plan, Function<Plan, RenderedTree> root) {
    return this == units ? new UnitsRenderer(root).render(new UnitsPlanner().plan(plan)) : root.apply(plan);
  }
}
