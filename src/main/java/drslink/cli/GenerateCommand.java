package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Plan;
import drslink.render.RenderedTree;
import drslink.render.ResourceCount;
import drslink.units.Layout;
import drslink.units.UnitsLayoutException;
import drslink.write.OutputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class GenerateCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final PositionalParamSpec topology = CommandSpecs.topology();
  private final OptionSpec out =
      CommandSpecs.option(Path.class, "DIR", "Folder to write the Terraform root into.", "-o", "--out").required(true).build();
  private final OptionSpec layout =
      CommandSpecs.layout(
          "single (default): one root; units: one root per account and region, with terragrunt.hcl, atlantis.yaml and units.json giving their order (docs/units-layout.md).");
  private final OptionSpec check =
      CommandSpecs.flag("Do not write: compare with the folder instead, like the check command (exit 3 when stale).", "--check");

  GenerateCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "generate",
            this,
            List.of("Write the Terraform root for a topology into a folder. Nothing is written unless the topology is valid; only"
                + " drslink's own files change (each replaced whole), and .terraform/, lock and state files and other files of"
                + " yours are never touched."),
            List.of("  drslink generate examples/tokyo-osaka/topology.yaml --out build/tokyo-osaka", "  cd build/tokyo-osaka && terraform init && terraform apply"));
    return options.addTo(spec).addPositional(topology).addOption(out).addOption(layout).addOption(check);
  }

  @Override
  public Integer call() {
    Pipeline pipeline = services.pipeline();
    Path topology = this.topology.getValue();
    Path out = this.out.getValue();
    Layout layout = this.layout.getValue();
    if (check.<Boolean>getValue()) {
      return new OutputCheck(services, options).run(topology, out, layout);
    }
    Optional<Loaded> loaded = services.loadUsable(topology, options);
    if (loaded.isEmpty()) {
      services.err().println("drslink: nothing written");
      return ExitCodes.INVALID_INPUT;
    }
    Plan plan = pipeline.plan(loaded.get());
    RenderedTree tree;
    try {
      tree = pipeline.render(loaded.get(), plan, layout);
    } catch (UnitsLayoutException e) {
      services.err().println("drslink: error: " + e.getMessage());
      services.err().println("drslink: nothing written");
      return ExitCodes.INVALID_INPUT;
    }
    List<String> droppedProviders;
    try {
      droppedProviders = pipeline.write(plan, tree, out);
    } catch (OutputException e) {
      services.err().println("drslink: " + e.getMessage());
      return ExitCodes.CANNOT_WRITE;
    }
    for (String alias : droppedProviders) {
      services.err()
          .println(
              "drslink: warning: provider aws."
                  + alias
                  + " is no longer generated; if anything made through it is still deployed, terraform plan will stop with"
                  + " \"Provider configuration not present\" (hint: keep one VPC of that region and account declared under"
                  + " regions: until the removal is applied, then remove it)");
    }
    if (!options.quiet()) {
      services.out().println("wrote " + tree.files().size() + " files to " + out + " (" + ResourceCount.of(plan).sentence() + "); next: cd " + out + " && terraform init && terraform plan");
    }
    return ExitCodes.OK;
  }
}
