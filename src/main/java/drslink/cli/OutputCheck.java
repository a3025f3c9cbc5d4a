package drslink.cli;

import drslink.render.RenderedTree;
import java.nio.file.Path;
import java.util.List;

/** Shared by {@code check} and {@code generate --check}: render in memory, compare, report. */
final class OutputCheck {
  private final Services services;
  private final CommonOptions options;

  OutputCheck(Services services, CommonOptions options) {
    this.services = services;
    this.options = options;
  }

  int run(Path topology, Path out) {
    PlannedTopology planned = PlannedTopology.of(services, topology, options);
    if (planned.plan().isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    TopologyLoader.Loaded loaded = planned.loaded();
    RenderedTree tree = services.renderer().render(planned.plan().get());
    List<String> differences = services.comparison().differences(tree, out);
    if (differences.isEmpty()) {
      if (!options.quiet) {
        services.out().println(out + " is up to date with " + loaded.displayName());
      }
      return ExitCodes.OK;
    }
    differences.forEach(services.out()::print);
    services.out().flush();
    services.err().println("drslink: " + out + " is stale or was edited by hand (" + differences.size() + (differences.size() == 1 ? " file" : " files")
        + "); run: drslink generate " + loaded.displayName() + " --out " + out);
    return ExitCodes.STALE_OUTPUT;
  }
}
