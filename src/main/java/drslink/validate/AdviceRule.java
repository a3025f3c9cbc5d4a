package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Warnings: valid topologies that are probably not what a careful operator wants. */
final class AdviceRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    StagingPlacement placement = model.placement();
    Set<String> regions = new TreeSet<>();
    t.vpcs().forEach(v -> regions.add(v.region()));
    for (String region : regions) {
      Optional<Vpc> hub = placement.endpointVpc(region);
      if (hub.isEmpty()) {
        continue;
      }
      Vpc endpoints = hub.get();
      if (endpoints.endpointSubnetIds().size() == 1) {
        d.warning(
            "DRS100",
            endpoints.endpointSubnetIds().get(0).at(),
            "VPC " + endpoints.nameValue() + " has a single endpoint subnet: the DRS and S3 endpoints have no AZ redundancy",
            "list a subnet in a second Availability Zone");
      }
      boolean pinned = placement.pinnedIn(region).isPresent();
      List<Vpc> targets = placement.targetsIn(region);
      if (!pinned) {
        warnHubCouldMove(region, endpoints, targets, d);
      }
    }
    // Failback lands per (account, region) (StagingPlacement.failbackLanding): where a landing was picked by name
    // among several candidates of one account, the others' subnets carry nothing.
    Set<String> warned = new TreeSet<>();
    for (String region : regions) {
      for (Vpc candidate : placement.failbackCandidatesIn(region)) {
        Optional<String> account = t.accountOf(candidate);
        if (!warned.add(region + "|" + account.orElse(""))) {
          continue;
        }
        List<Vpc> landings = placement.failbackCandidatesIn(region, account);
        Optional<Vpc> landing = placement.failbackLanding(candidate);
        boolean pinned = placement.pinnedIn(region).equals(landing);
        boolean chosenByName = landing.isPresent() && landing.get().equals(landings.get(0)) && !placement.targetsIn(region).contains(landing.get());
        if (landings.size() > 1 && chosenByName && !pinned) {
          Vpc used = landings.get(0);
          List<String> others = landings.subList(1, landings.size()).stream().map(Vpc::nameValue).toList();
          d.warning(
              "DRS102",
              landings.get(1).name().at(),
              "several sources in " + region + account.map(a -> " of account " + a).orElse("") + " can receive failback; drslink uses the first by name, " + used.nameValue()
                  + ": failback of " + String.join(", ", others) + " also stages in " + used.nameValue() + "'s staging subnet (one DRS template per account and region), so the endpoint_subnet_ids and staging_subnet_id of "
                  + String.join(", ", others) + " are not used",
              "set endpoints_vpc on the region to choose, or remove endpoint_subnet_ids/staging_subnet_id from the others");
        }
      }
    }
    for (Replication r : t.replications()) {
      if (!r.failbackEnabled()) {
        d.warning(
            "DRS103",
            r.failback() != null ? r.failback().at() : r.name().at(),
            "replication " + r.nameValue() + " has no private failback path: failing back would need public DRS endpoints or the agent's --endpoint flag, which AWS advises against on EC2",
            "set failback: true and give a source VPC endpoint_subnet_ids and staging_subnet_id");
      }
    }
  }

  /**
   * Unpinned, the hub is the first eligible VPC by name, so a new target sorting earlier would move it.
   * Whether the other targets reach the hub is ReachabilityRule's question (DRS105), not this one.
   */
  private static void warnHubCouldMove(String region, Vpc hub, List<Vpc> targets, Diagnostics d) {
    for (Vpc other : targets) {
      if (other.equals(hub)) {
        continue;
      }
      d.warning(
          "DRS101",
          other.name().at(),
          "target " + other.nameValue() + " shares the " + region + " endpoints and zones in " + hub.nameValue() + " (one private zone per name per region), chosen because its name sorts first: a new target that sorts earlier would move them",
          "set endpoints_vpc: " + hub.nameValue() + " on " + region + " to keep them there");
    }
  }
}
