package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.pipeline.ReportFormat;
import drslink.plan.Plan;
import java.nio.file.Path;
import java.util.Optional;
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
  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, markdown (a pull-request comment with a Mermaid diagram) or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  PlanCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Optional<Loaded> loaded = services.loadUsable(topology, options);
    if (loaded.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    Pipeline pipeline = services.pipeline();
    Plan plan = pipeline.plan(loaded.get());
    services.out().print(pipeline.report(plan, pipeline.guide(loaded.get(), plan), loaded.get().diagnostics(), format));
    services.out().flush();
    return ExitCodes.OK;
  }
}
