package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Plan;
import drslink.render.RenderedTree;
import drslink.units.Layout;
import drslink.units.UnitsLayoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Shared by {@code check} and {@code generate --check}: render in memory, compare with the folder and its manifest, report. */
final class OutputCheck {
  private final Services services;
  private final CommonOptions options;

  OutputCheck(Services services, CommonOptions options) {
    this.services = services;
    this.options = options;
  }

  int run(Path topology, Path out) {
    return run(topology, out, Layout.single);
  }

  int run(Path topology, Path out, Layout layout) {
    Optional<Loaded> usable = services.loadUsable(topology, options);
    if (usable.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    Loaded loaded = usable.get();
    Pipeline pipeline = services.pipeline();
    Plan plan = pipeline.plan(loaded);
    RenderedTree tree;
    try {
      tree = pipeline.render(loaded, plan, layout);
    } catch (UnitsLayoutException e) {
      services.err().println("drslink: error: " + e.getMessage());
      return ExitCodes.INVALID_INPUT;
    }
    List<String> differences = pipeline.differences(plan, tree, out);
    if (differences.isEmpty()) {
      if (!options.quiet()) {
        services.out().println(out + " is up to date with " + loaded.displayName());
      }
      return ExitCodes.OK;
    }
    differences.forEach(services.out()::print);
    services.out().flush();
    services.err().println("drslink: " + out + " is stale or was edited by hand (" + differences.size() + (differences.size() == 1 ? " file" : " files")
        + "); run: drslink generate " + loaded.displayName() + " --out " + out
        + (layout == Layout.single ? "" : " --layout " + layout)
        + (differences.stream().anyMatch(OutputCheck::isExtraFile)
            ? "; a file drslink does not generate may stay only if it is one of those users keep (backend.tf, *.auto.tfvars, ...: docs/generated-root-files.md)"
            : ""));
    return ExitCodes.STALE_OUTPUT;
  }

  /** A file on disk that the tree does not generate: its diff removes it. */
  private static boolean isExtraFile(String diff) {
    return diff.contains("\n+++ /dev/null\n") || diff.endsWith(" and /dev/null differ\n");
  }
}
