package drslink.live;

import drslink.diag.SourceLocation;
import drslink.model.AwsRegions;
import drslink.model.DrsTemplateSites;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the topology intends on the network, in the terms the live checks ask about: a view over the derived
 * model ({@link ReplicationModel}, the one the validator and the planner read) as private paths (a VPC whose
 * agents must reach a region's endpoints and staging subnet), the VPCs drslink associates each region's zones
 * with, and the DRS template sites. Pure: no AWS, no I/O.
 */
final class LivePaths {

  /**
   * Agents in {@code from} reach the DRS and S3 endpoints in {@code hub} (region {@code region}) on 443
   * and the staging subnet of {@code staging} on 1500. {@code what} names it: "replication x" or
   * "failback of x".
   */
  record Path(String what, Vpc from, String region, Vpc hub, Vpc staging, SourceLocation at, drslink.model.OnPremNetwork onPrem) {
    Path(String what, Vpc from, String region, Vpc hub, Vpc staging, SourceLocation at) {
      this(what, from, region, hub, staging, at, null);
    }

    /** The source: the VPC, or (from null) the on-premises network. */
    String sourceName() {
      return from != null ? from.nameValue() : onPrem.nameValue();
    }

    List<String> sourceCidrs() {
      return from != null ? from.cidrValues() : onPrem.cidrValues();
    }

    /** Where the YAML names the source: the VPC's id, or the on-premises network's name. */
    SourceLocation sourceAt() {
      return from != null ? from.id().at() : onPrem.name().at();
    }
  }

  private final ReplicationModel model;
  private final Topology topology;

  LivePaths(ReplicationModel model) {
    this.model = model;
    this.topology = model.topology();
  }

  LivePaths(Topology topology) {
    this(ReplicationModel.of(topology));
  }

  ReplicationModel model() {
    return model;
  }

  Topology topology() {
    return topology;
  }

  Cloud.Place place(Vpc vpc) {
    return new Cloud.Place(topology.accountOf(vpc).orElse(null), vpc.region());
  }

  /**
   * The account whose credentials read a zone: its owner, found by the account id ListHostedZonesByVPC
   * gives (HostedZoneOwner.OwningAccount); an owner the topology does not name (or none given) is read
   * as {@code reader}, the account that listed it. Route 53 is global, so the region only picks the partition.
   */
  Cloud.Place zoneOwner(Cloud.ZoneRef zone, Cloud.Place reader) {
    return knownOwner(zone, reader).orElse(reader);
  }

  /**
   * The zone's owner when the topology can read it: empty when the topology names its accounts and the
   * owner is none of them (a zone of a foreign account, whose tags and records only that account may read).
   */
  Optional<Cloud.Place> knownOwner(Cloud.ZoneRef zone, Cloud.Place reader) {
    if (zone.ownerAccountId() == null || topology.accounts().isEmpty()) {
      return Optional.of(reader);
    }
    for (drslink.model.Account a : topology.accounts()) {
      if (a.id() != null && zone.ownerAccountId().equals(a.id().value())) {
        return Optional.of(new Cloud.Place(a.name().value(), reader.region()));
      }
    }
    return Optional.empty();
  }

  Optional<Vpc> hub(String region) {
    return model.hub(region).map(ReplicationModel.Hub::vpc);
  }

  List<DrsTemplateSites.Site> templateSites() {
    return model.templateSites();
  }

  /**
   * Every path, replications first (file order), then failback (file order, landings in source order). An
   * on-premises source's path has no source VPC ({@code from} null): it is judged on the AWS side only (groups,
   * ACLs, routes back). Failback lands in each source's own account and region
   * (failback-failover-cross-account.html), so a region whose sources come from several accounts has one landing
   * staging VPC per account; the region's hub still serves the endpoints.
   */
  List<Path> paths() {
    List<Path> out = new ArrayList<>();
    for (ReplicationModel.Flow f : model.flowsAsWritten()) {
      Optional<Vpc> hub = hub(f.region());
      if (hub.isEmpty()) {
        continue;
      }
      Replication r = f.replication();
      String what = (f.failback() ? "failback of " : "replication ") + r.nameValue();
      OnPremNetwork onPrem = f.from() instanceof OnPremNetwork n ? n : null;
      out.add(new Path(what, f.fromVpc().orElse(null), f.region(), hub.get(), f.staging(), r.at(), onPrem));
    }
    return out;
  }

  /** Region to the VPCs drslink associates with that region's drs/s3 zones (the model's zone VPCs of each hub). */
  Map<String, Set<Vpc>> zoneVpcs() {
    Map<String, Set<Vpc>> out = new LinkedHashMap<>();
    model.hubs().forEach((region, hub) -> out.put(region, new LinkedHashSet<>(hub.zoneVpcs().values())));
    return out;
  }

  /** The zone names drslink creates for a region, as Route 53 spells them (trailing dot). */
  List<String> zoneNames(String region) {
    Partition p = partition(region);
    return List.of(p.serviceHostname(region, "drs") + ".", p.serviceHostname(region, "s3") + ".");
  }

  /** Interface endpoint service names ({@code com.amazonaws.REGION.drs} and {@code .s3}), as the planner writes them. */
  List<String> serviceNames(String region) {
    return List.of(endpointService(region, "drs"), endpointService(region, "s3"));
  }

  String endpointService(String region, String service) {
    return partition(region).endpointServiceName(region, service);
  }

  /** The partition of a region of the topology (live checks run on validated files only). */
  private static Partition partition(String region) {
    return AwsRegions.partition(region);
  }

  /** drslink's replication server group in a staging VPC: tagged with this topology and named by the model. */
  boolean isReplicationGroup(Map<String, String> tags, Vpc staging) {
    return topology.name().value().equals(tags.get("DrslinkTopology")) && model.replicationGroupName(staging).equals(tags.get("Name"));
  }
}
