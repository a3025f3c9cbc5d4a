package drslink.cli;

import drslink.units.Layout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class CheckCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final PositionalParamSpec topology = CommandSpecs.topology();
  private final OptionSpec out = CommandSpecs.option(Path.class, "DIR", "The committed output folder.", "-o", "--out").required(true).build();
  private final OptionSpec layout =
      CommandSpecs.layout(
          "The layout the folder was generated with: single (default) or units (docs/units-layout.md).");

  CheckCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "check",
            this,
            List.of("Regenerate in memory and compare with a committed output folder; writes nothing. Exit 0 when it is up to date,"
                + " 3 (with a unified diff on stdout) when it is stale or was edited by hand, including a file added beside"
                + " drslink's other than backend.tf, tfvars, .terraform/, the lock file and state."),
            List.of("  drslink check examples/tokyo-osaka/topology.yaml --out build/tokyo-osaka", "  drslink generate --check topology.yaml --out infra/dr"));
    return options.addTo(spec).addPositional(topology).addOption(out).addOption(layout);
  }

  @Override
  public Integer call() {
    return new OutputCheck(services, options).run(topology.getValue(), out.getValue(), layout.<Layout>getValue());
  }
}
