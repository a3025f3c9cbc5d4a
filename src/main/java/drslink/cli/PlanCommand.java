package drslink.cli;

import drslink.plan.Plan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "List every resource drslink would generate, with its region and purpose; writes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {"  drslink plan examples/tokyo-osaka/topology.yaml", "  drslink plan --format json topology.yaml > plan.json"})
final class PlanCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  private final Services services;

  @Spec CommandSpec spec;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  PlanCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    TopologyLoader.Loaded loaded = new TopologyLoader(services).load(topology);
    DiagnosticPrinter.print(loaded.diagnostics(), options, spec.commandLine().getErr());
    if (!loaded.usable(options.strict)) {
      return ExitCodes.INVALID_INPUT;
    }
    Plan plan = services.planner.plan(loaded.topology().orElseThrow(), loaded.displayName());
    String report = format == Format.json ? services.planReport.json(plan) : services.planReport.text(plan);
    spec.commandLine().getOut().print(report);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
