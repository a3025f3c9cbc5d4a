package drslink.cli;

import drslink.plan.Plan;
import drslink.plan.ProviderConfig;
import drslink.render.RenderedTree;
import drslink.write.Manifest;
import java.nio.file.Path;
import java.util.List;

/** Shared by {@code check} and {@code generate --check}: render in memory, compare with the folder and its manifest, report. */
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
    Plan plan = planned.plan().get();
    RenderedTree tree = services.renderer().render(plan);
    Manifest manifest = Manifest.of(tree, plan.providers().stream().map(ProviderConfig::alias).toList());
    List<String> differences = services.comparison().differences(tree, manifest, out);
    if (differences.isEmpty()) {
      if (!options.quiet) {
        services.out().println(out + " is up to date with " + loaded.displayName());
      }
      return ExitCodes.OK;
    }
    differences.forEach(services.out()::print);
    services.out().flush();
    services.err().println("drslink: " + out + " is stale or was edited by hand (" + differences.size() + (differences.size() == 1 ? " file" : " files")
        + "); run: drslink generate " + loaded.displayName() + " --out " + out
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
