package drslink.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "check",
    addMethodSubcommands = false,
    description =
        "Regenerate in memory and compare with a committed output folder; writes nothing. Exit 0 when it is up to date,"
            + " 3 (with a unified diff on stdout) when it is stale or was edited by hand, including a file added beside"
            + " drslink's other than backend.tf, tfvars, .terraform/, the lock file and state.",
    footerHeading = "%nExamples:%n",
    footer = {"  drslink check examples/tokyo-osaka/topology.yaml --out build/tokyo-osaka", "  drslink generate --check topology.yaml --out infra/dr"})
final class CheckCommand implements Callable<Integer> {
  private final Services services;

  @Mixin CommonOptions options;

  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "The committed output folder.")
  Path out;

  @Option(names = "--layout", paramLabel = "LAYOUT", description = "The layout the folder was generated with: single (default) or units (docs/units-layout.md).")
  drslink.units.Layout layout = drslink.units.Layout.single;

  CheckCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    services.pipeline().prepareRenderer();
    return new OutputCheck(services, options).run(topology, out, layout);
  }
}
