package drslink.cli;

import drslink.pipeline.Loaded;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ValidateCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final PositionalParamSpec topology = CommandSpecs.topology();

  ValidateCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "validate",
            this,
            List.of("Check a topology file against the contract; writes nothing."),
            List.of("  drslink validate examples/tokyo-osaka/topology.yaml", "  drslink validate --strict topology.yaml"));
    return options.addTo(spec).addPositional(topology);
  }

  @Override
  public Integer call() {
    Optional<Loaded> loaded = services.loadUsable(topology.getValue(), options);
    if (loaded.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    if (!options.quiet()) {
      services.out().println(loaded.get().displayName() + ": valid");
    }
    return ExitCodes.OK;
  }
}
