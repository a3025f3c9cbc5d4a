package drslink.cli;

import drslink.pipeline.Loaded;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    addMethodSubcommands = false,
    description = "Check a topology file against the contract; writes nothing.",
    footerHeading = "%nExamples:%n",
    footer = {"  drslink validate examples/tokyo-osaka/topology.yaml", "  drslink validate --strict topology.yaml"})
final class ValidateCommand implements Callable<Integer> {
  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  ValidateCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    Optional<Loaded> loaded = services.loadUsable(topology, options);
    if (loaded.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    if (!options.quiet) {
      services.out().println(loaded.get().displayName() + ": valid");
    }
    return ExitCodes.OK;
  }
}
