package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.LinkIndex;
import drslink.model.Located;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warnings for VPCs that must reach a region's shared endpoints but have no connectivity entry to the VPC that
 * hosts them. Each region has one endpoint hub ({@link StagingPlacement}), so a second target, the sources
 * replicating into it, and the targets whose failback lands in a region all depend on a link to that hub;
 * only the link between a source and its own target is a rule of the contract. Without the link the files
 * apply cleanly and replication fails later, so this is worth saying before apply. A warning, not an error:
 * the contract accepts such files, and {@code existing} entries declare links drslink does not manage.
 */
final class ReachabilityRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    VpcIndex vpcs = new VpcIndex(t);
    StagingPlacement placement = model.placement();
    MissingLinks missing = new MissingLinks(new LinkIndex(t), d);
    for (Replication r : t.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (target.isEmpty()) {
        continue;
      }
      String targetRegion = target.get().region();
      // The hub when it is another VPC than the target: a source's link to its own target is DRS087's business.
      Optional<Vpc> sharedHub = placement.endpointVpc(targetRegion).filter(hub -> !hub.equals(target.get()));
      for (Located<String> sourceName : r.sources()) {
        Optional<Vpc> source = vpcs.get(sourceName.value()).filter(s -> !s.region().equals(targetRegion));
        if (source.isEmpty()) {
          continue;
        }
        sharedHub.ifPresent(hub -> missing.report(source.get(), hub, "the DRS agents in " + source.get().nameValue() + " call DRS and S3 there on TCP 443", sourceName.at()));
        if (r.failbackEnabled()) {
          // A landing among this replication's own sources is linked to the target, or DRS087 says so.
          Optional<Vpc> landing = placement.failbackLanding(source.get());
          Optional<Vpc> failbackHub = placement.endpointVpc(source.get().region());
          failbackHub
              .filter(hub -> !r.sourceNames().contains(hub.nameValue()))
              .ifPresent(
                  hub ->
                      missing.report(
                          target.get(),
                          hub,
                          "instances recovered in " + target.get().nameValue() + " fail back through them on TCP 443" + (landing.equals(failbackHub) ? " and 1500" : ""),
                          r.failback().at()));
          // Failback of another account lands in that account's own staging VPC (StagingPlacement.failbackLanding).
          landing
              .filter(l -> !l.equals(failbackHub.orElse(null)) && !r.sourceNames().contains(l.nameValue()))
              .ifPresent(
                  l ->
                      missing.linkReport(
                          target.get(),
                          l,
                          "where failback to " + t.accountOf(l).map(a -> "account " + a + " in ").orElse("") + l.region() + " lands: instances recovered in " + target.get().nameValue()
                              + " send failback data to the replication servers in its staging subnet on TCP 1500",
                          r.failback().at()));
        }
      }
      sharedHub.ifPresent(hub -> missing.report(target.get(), hub, "the replication servers in " + target.get().nameValue() + " call DRS and S3 there on TCP 443", r.target().at()));
    }
  }

  /** One check's state: the file's links, and the pairs already reported (each is reported once). */
  private static final class MissingLinks {
    private final LinkIndex links;
    private final Diagnostics d;
    private final Set<List<String>> reported = new HashSet<>();

    MissingLinks(LinkIndex links, Diagnostics d) {
      this.links = links;
      this.d = d;
    }

    /** A failback staging VPC that does not host endpoints: the same warning, without the endpoint wording. */
    void linkReport(Vpc from, Vpc staging, String why, SourceLocation at) {
      if (from.equals(staging) || links.linked(from.nameValue(), staging.nameValue()) || !reported.add(List.of(from.nameValue(), staging.nameValue()))) {
        return;
      }
      d.warning(
          "DRS105",
          at,
          "no connectivity entry links " + from.nameValue() + " to " + staging.nameValue() + ", " + why,
          "add to connectivity: - { type: existing, vpcs: [" + from.nameValue() + ", " + staging.nameValue() + "] } if they are already connected, else a vpc_peering or transit_gateway entry");
    }

    void report(Vpc from, Vpc hub, String why, SourceLocation at) {
      if (from.equals(hub) || links.linked(from.nameValue(), hub.nameValue()) || !reported.add(List.of(from.nameValue(), hub.nameValue()))) {
        return;
      }
      d.warning(
          "DRS105",
          at,
          "no connectivity entry links " + from.nameValue() + " to " + hub.nameValue() + ", which hosts the " + hub.region() + " DRS and S3 endpoints: " + why,
          "add to connectivity: - { type: existing, vpcs: [" + from.nameValue() + ", " + hub.nameValue()
              + "] } if they are already connected, else a vpc_peering or transit_gateway entry; or set endpoints_vpc on " + hub.region()
              + " to a VPC that " + from.nameValue() + " reaches");
    }
  }
}
