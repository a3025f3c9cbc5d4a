package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Guide;
import drslink.plan.Plan;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "diagram",
    addMethodSubcommands = false,
    description = "Draw regions, VPCs, endpoints, zones, associations and links as Mermaid or Graphviz DOT.",
    footerHeading = "%nExamples:%n",
    footer = {"  drslink diagram examples/tokyo-osaka/topology.yaml", "  drslink diagram --format dot topology.yaml | dot -Tsvg > topology.svg"})
final class DiagramCommand implements Callable<Integer> {
  /** Drawing languages, not {@link drslink.pipeline.ReportFormat}: a diagram is no report. */
  enum Format {
    mermaid,
    dot
  }

  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "mermaid", paramLabel = "FORMAT", description = "mermaid or dot (default: ${DEFAULT-VALUE}).")
  Format format;

  DiagramCommand(Services services) {
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
    Guide guide = pipeline.guide(loaded.get(), plan);
    services.out().print(format == Format.dot ? pipeline.dot(plan, guide) : pipeline.mermaid(plan, guide));
    services.out().flush();
    return ExitCodes.OK;
  }
}
