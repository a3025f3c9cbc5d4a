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
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "plan",
    addMethodSubcommands = false,
    description = "List every resource drslink would generate, with its region and purpose; writes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  drslink plan examples/tokyo-osaka/topology.yaml",
      "  drslink plan --format markdown topology.yaml > plan.md   # paste as a PR comment",
      "  drslink plan --format json topology.yaml > plan.json",
      "  drslink plan --format json --layout units topology.yaml   # with the units, their order and inputs"
    })
final class PlanCommand implements Callable<Integer> {
  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, markdown (a pull-request comment with a Mermaid diagram) or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--layout",
      paramLabel = "LAYOUT",
      description = "single (default) or units: also the units of generate --layout units, their order and what each takes from which (json: the units of units.json; docs/units-layout.md).")
  Layout layout = Layout.single;

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
    Guide guide = pipeline.guide(loaded.get(), plan);
    if (layout == Layout.units) {
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
