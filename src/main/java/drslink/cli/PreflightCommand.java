package drslink.cli;

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
    CommandSpec spec = CommandSpecs.command("preflight", this);
    spec.usageMessage()
        .description("Before apply: check a live account against the topology (VPCs, subnets, Availability Zones, route tables, conflicting private zones and endpoints, DRS initialized, existing templates, peering quota); drslink's own resources from an earlier apply are not conflicts; read-only.")
        .footerHeading(CommandSpecs.EXAMPLES)
        .footer(
            "  drslink preflight examples/tokyo-osaka/topology.yaml",
            "  drslink preflight --format markdown topology.yaml >> \"$GITHUB_STEP_SUMMARY\"",
            "  drslink preflight --endpoint-url http://127.0.0.1:5000 topology.yaml   # an emulator",
            "",
            "Exit codes: 0 everything holds (warnings allowed), 1 invalid topology, 5 a finding blocks,",
            "6 a read failed (network, credentials, permission, throttling, server error): one line each on",
            "stderr, and the findings made with what could be read are still printed (json: status \"unreadable\").",
            "What is checked and what is not: docs/live-checks.md.");
    return live.addTo(options.addTo(spec));
  }

  @Override
  public Integer call() {
    return LiveCheckRunner.run("preflight", services, options, live, drslink.live.LiveRun::preflight);
  }
}
