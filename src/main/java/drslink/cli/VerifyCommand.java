package drslink.cli;

import java.util.List;
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
    CommandSpec spec =
        CommandSpecs.command(
            "verify",
            this,
            List.of("After apply: prove every private replication and failback path in the live account (DNS support and DHCP servers, zones and aliases, drslink's endpoints, routes both ways over the link's own peering or transit gateway, security groups per endpoint, network ACLs, the staging subnet's way out, the DRS template); read-only."),
            List.of(LiveCheckOptions.footer("verify")));
    return live.addTo(options.addTo(spec));
  }

  @Override
  public Integer call() {
    return LiveCheckRunner.run("verify", services, options, live, drslink.live.LiveRun::verify);
  }
}
