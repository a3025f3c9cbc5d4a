package drslink.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class PreflightCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final LiveCheckOptions live = new LiveCheckOptions();

  PreflightCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec =
        CommandSpecs.command(
            "preflight",
            this,
            List.of("Before apply: check a live account against the topology (VPCs, subnets, Availability Zones, route tables, conflicting private zones and endpoints, DRS initialized, existing templates, peering quota); drslink's own resources from an earlier apply are not conflicts; read-only."),
            List.of(LiveCheckOptions.footer("preflight")));
    return live.addTo(options.addTo(spec));
  }

  @Override
  public Integer call() {
    return LiveCheckRunner.run("preflight", services, options, live, drslink.live.LiveRun::preflight);
  }
}
