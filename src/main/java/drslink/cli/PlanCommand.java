package drslink.cli;

import drslink.plan.Plan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "List every resource drslink would generate, with its region and purpose; writes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  drslink plan examples/tokyo-osaka/topology.yaml",
      "  drslink plan --format markdown topology.yaml > plan.md   # paste as a PR comment",
      "  drslink plan --format json topology.yaml > plan.json"
    })
final class PlanCommand implements Callable<Integer> {
  enum Format {
    text,
    markdown,
    json
  }

  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, markdown (a pull-request comment with a Mermaid diagram) or json (default: ${DEFAULT-VALUE}).")
  Format format;

  PlanCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    PlannedTopology planned = PlannedTopology.of(services, topology, options);
    if (planned.plan().isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    Plan plan = planned.plan().get();
    TopologyLoader.Loaded loaded = planned.loaded();
    String report =
        switch (format) {
          case json -> services.planReport().json(plan, loaded.diagnostics());
          case markdown -> services.planReport().markdown(plan, loaded.diagnostics(), services.diagrams());
          case text -> services.planReport().text(plan, loaded.diagnostics());
        };
    services.out().print(report);
    services.out().flush();
    return ExitCodes.OK;
  }
}
