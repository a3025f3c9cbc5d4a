package drslink.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class VerifyCommand implements Callable<Integer> {
  private final Services services;
  private final CommonOptions options = new CommonOptions();
  private final LiveCheckOptions live = new LiveCheckOptions();

  VerifyCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec = CommandSpecs.command("verify", this);
    spec.usageMessage()
        .description("After apply: prove every private replication and failback path in the live account (DNS support and DHCP servers, zones and aliases, drslink's endpoints, routes both ways over the link's own peering or transit gateway, security groups per endpoint, network ACLs, the staging subnet's way out, the DRS template); read-only.")
        .footerHeading(CommandSpecs.EXAMPLES)
        .footer(
            "  drslink verify examples/tokyo-osaka/topology.yaml",
            "  drslink verify --format markdown topology.yaml >> \"$GITHUB_STEP_SUMMARY\"",
            "  drslink verify --endpoint-url http://127.0.0.1:5000 topology.yaml   # an emulator",
            "",
            "Exit codes: 0 everything holds (warnings allowed), 1 invalid topology, 5 a finding blocks,",
            "6 a read failed (network, credentials, permission, throttling, server error): one line each on",
            "stderr, and the findings made with what could be read are still printed (json: status \"unreadable\").",
            "What is checked and what is not: docs/live-checks.md.");
    return live.addTo(options.addTo(spec));
  }

  @Override
  public Integer call() {
    return LiveCheckRunner.run("verify", services, options, live, drslink.live.LiveRun::verify);
  }
}
