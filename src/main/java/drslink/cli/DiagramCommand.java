package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Guide;
import drslink.plan.Plan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class DiagramCommand implements Callable<Integer> {
  /** Drawing languages, not {@link drslink.pipeline.ReportFormat}: a diagram is no report. */
  enum Format {
    mermaid,
    dot
  }

  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final PositionalParamSpec topology = CommandSpecs.topology();
  private final OptionSpec format =
      CommandSpecs.option(Format.class, "FORMAT", "mermaid or dot (default: ${DEFAULT-VALUE}).", "--format").defaultValue("mermaid").build();

  DiagramCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "diagram",
            this,
            List.of("Draw regions, VPCs, endpoints, zones, associations and links as Mermaid or Graphviz DOT."),
            List.of("  drslink diagram examples/tokyo-osaka/topology.yaml", "  drslink diagram --format dot topology.yaml | dot -Tsvg > topology.svg"));
    return options.addTo(spec).addPositional(topology).addOption(format);
  }

  @Override
  public Integer call() {
    Optional<Loaded> loaded = services.loadUsable(topology.getValue(), options);
    if (loaded.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    Pipeline pipeline = services.pipeline();
    Plan plan = pipeline.plan(loaded.get());
    Guide guide = pipeline.guide(loaded.get(), plan);
    services.out().print(format.getValue() == Format.dot ? pipeline.dot(plan, guide) : pipeline.mermaid(plan, guide));
    services.out().flush();
    return ExitCodes.OK;
  }
}
