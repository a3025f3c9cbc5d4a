package drslink.live;

import drslink.diag.SourceLocation;
import drslink.model.DrsTemplateSites;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the topology intends on the network, in the terms the live checks ask about: the private paths
 * (a VPC whose agents must reach a region's endpoints and staging subnet), the VPCs drslink will
 * associate each region's zones with, and the DRS template sites. Pure: no AWS, no I/O.
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

  private final Topology topology;
  private final StagingPlacement placement;
  private final VpcIndex vpcs;

  LivePaths(Topology topology) {
    this.topology = topology;
    this.placement = StagingPlacement.of(topology);
    this.vpcs = new VpcIndex(topology);
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
    return placement.endpointVpc(region);
  }

  List<DrsTemplateSites.Site> templateSites() {
    return DrsTemplateSites.of(topology, placement).all();
  }

  /**
   * Every path, replications first (file order), then failback. An on-premises source's path has no
   * source VPC ({@code from} null): it is judged on the AWS side only (groups, ACLs, routes back).
   */
  List<Path> paths() {
    List<Path> out = new ArrayList<>();
    for (Replication r : topology.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      Optional<Vpc> hub = target.flatMap(t -> hub(t.region()));
      if (target.isEmpty() || hub.isEmpty()) {
        continue;
      }
      for (String source : r.sourceNames()) {
        vpcs.get(source).ifPresent(s -> out.add(new Path("replication " + r.nameValue(), s, target.get().region(), hub.get(), target.get(), r.at())));
        topology.onPremises(source).ifPresent(n -> out.add(new Path("replication " + r.nameValue(), null, target.get().region(), hub.get(), target.get(), r.at(), n)));
      }
    }
    for (Replication r : topology.replications()) {
      if (!r.failbackEnabled()) {
        continue;
      }
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (target.isEmpty()) {
        continue;
      }
      // Failback lands in each source's own account and region (failback-failover-cross-account.html), so a
      // region whose sources come from several accounts has one landing staging VPC per account; the region's
      // hub still serves the endpoints. The model chooses the landing (StagingPlacement.failbackLanding).
      Set<Vpc> landings = new LinkedHashSet<>();
      r.sourceNames().stream().map(vpcs::get).flatMap(Optional::stream).filter(v -> !v.region().equals(target.get().region()))
          .map(placement::failbackLanding).flatMap(Optional::stream).forEach(landings::add);
      for (Vpc landing : landings) {
        hub(landing.region()).ifPresent(h -> out.add(new Path("failback of " + r.nameValue(), target.get(), landing.region(), h, landing, r.at())));
      }
    }
    return out;
  }

  /** Region to the VPCs whose resolver will use that region's drs/s3 zones: the hub and every path's source. */
  Map<String, Set<Vpc>> zoneVpcs() {
    Map<String, Set<Vpc>> out = new LinkedHashMap<>();
    for (Path p : paths()) {
      Set<Vpc> set = out.computeIfAbsent(p.region(), k -> new LinkedHashSet<>());
      set.add(p.hub());
      if (p.from() != null) {
        set.add(p.from());
      }
    }
    return out;
  }

  /** The zone names drslink creates for a region, as Route 53 spells them (trailing dot). */
  static List<String> zoneNames(String region) {
    String suffix = region.startsWith("cn-") ? ".amazonaws.com.cn." : ".amazonaws.com.";
    return List.of("drs." + region + suffix, "s3." + region + suffix);
  }

  /** Interface endpoint service names (com.amazonaws.REGION.drs / .s3; cn.com.amazonaws in China). */
  static List<String> serviceNames(String region) {
    String prefix = region.startsWith("cn-") ? "cn.com.amazonaws." : "com.amazonaws.";
    return List.of(prefix + region + ".drs", prefix + region + ".s3");
  }
}
