package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.pipeline.ReportFormat;
import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.units.Layout;
import drslink.units.UnitsLayout;
import drslink.units.UnitsLayoutException;
import drslink.units.UnitsPlanner;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class PlanCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final PositionalParamSpec topology = CommandSpecs.topology();
  private final OptionSpec format =
      CommandSpecs.option(ReportFormat.class, "FORMAT", "text, markdown (a pull-request comment with a Mermaid diagram) or json (default: ${DEFAULT-VALUE}).", "--format")
          .defaultValue("text")
          .build();
  private final OptionSpec layout =
      CommandSpecs.layout(
          "single (default) or units: also the units of generate --layout units, their order and what each takes from which (json: the units of units.json; docs/units-layout.md).");

  PlanCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "plan",
            this,
            List.of("List every resource drslink would generate, with its region and purpose; writes nothing."),
            List.of(
                "  drslink plan examples/tokyo-osaka/topology.yaml",
                "  drslink plan --format markdown topology.yaml > plan.md   # paste as a PR comment",
                "  drslink plan --format json topology.yaml > plan.json",
                "  drslink plan --format json --layout units topology.yaml   # with the units, their order and inputs"));
    return options.addTo(spec).addPositional(topology).addOption(format).addOption(layout);
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
    ReportFormat format = this.format.getValue();
    if (layout.getValue() == Layout.units) {
      UnitsLayout units;
      try {
        units = new UnitsPlanner().plan(plan);
      } catch (UnitsLayoutException e) {
        services.err().println("drslink: error: " + e.getMessage());
        return ExitCodes.INVALID_INPUT;
      }
      services.out().print(pipeline.report(plan, guide, loaded.get().diagnostics(), format, units));
    } else {
      services.out().print(pipeline.report(plan, guide, loaded.get().diagnostics(), format));
    }
    services.out().flush();
    return ExitCodes.OK;
  }
}
