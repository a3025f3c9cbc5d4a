package drslink.cli;

import drslink.plan.Plan;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first stages every command that needs a plan shares: load, print the diagnostics, stop when the
 * topology is not usable, plan. {@code plan} is empty exactly when the command must exit with 1.
 */
record PlannedTopology(TopologyLoader.Loaded loaded, Optional<Plan> plan) {

  static PlannedTopology of(Services services, Path topology, CommonOptions options) {
    TopologyLoader.Loaded loaded = new TopologyLoader(services).load(topology);
    DiagnosticPrinter.print(loaded, options, services.err());
    if (!loaded.usable(options.strict)) {
      return new PlannedTopology(loaded, Optional.empty());
    }
    return new PlannedTopology(loaded, Optional.of(services.planner().plan(loaded.topology().orElseThrow(), loaded.displayName())));
  }
}
