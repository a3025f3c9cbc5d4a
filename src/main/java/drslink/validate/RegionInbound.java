package drslink.validate;

import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the planner will build in each region that receives replication or failback, worked out the same
 * way (plan/Flow.java, plan/EndpointPlanner.java) but from a topology that may still have errors: the hub
 * VPC, the CIDRs of the 443 and 1500 ingress rules, and the VPCs the zones are associated with. The
 * validator cannot ask the planner (stages depend one way), so quota and label rules read this.
 */
final class RegionInbound {
  final String region;
  final Vpc hub;
  /** One 443 ingress rule per CIDR on the endpoint security group. */
  final TreeSet<String> httpsCidrs = new TreeSet<>();
  /** Staging VPC name -> one 1500 ingress rule per CIDR on its replication server security group. */
  final Map<String, TreeSet<String>> replicationCidrs = new TreeMap<>();
  final Map<String, Vpc> stagingVpcs = new TreeMap<>();
  /** Every VPC that sends data into the region or receives it, by name. */
  private final Map<String, Vpc> participants = new TreeMap<>();
  private boolean failbackOnly = true;

  private RegionInbound(String region, Vpc hub) {
    this.region = region;
    this.hub = hub;
    httpsCidrs.addAll(hub.cidrValues());
  }

  /** Regions by code; only regions with a hub, as only those get endpoints. */
  static Map<String, RegionInbound> of(Topology t) {
    StagingPlacement placement = StagingPlacement.of(t);
    VpcIndex vpcs = new VpcIndex(t);
    Map<String, RegionInbound> regions = new TreeMap<>();
    for (Replication r : t.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (target.isEmpty()) {
        continue;
      }
      List<Vpc> sources = new ArrayList<>();
      r.sourceNames().stream().distinct().map(vpcs::get).flatMap(Optional::stream).filter(s -> !s.region().equals(target.get().region())).forEach(sources::add);
      for (Vpc source : sources) {
        add(regions, placement, source, target.get(), false);
      }
      if (r.failbackEnabled()) {
        sources.stream().map(placement::failbackLanding).flatMap(Optional::stream).distinct().forEach(landing -> add(regions, placement, target.get(), landing, true));
      }
    }
    return regions;
  }

  private static void add(Map<String, RegionInbound> regions, StagingPlacement placement, Vpc from, Vpc staging, boolean failback) {
    Optional<Vpc> hub = placement.endpointVpc(staging.region());
    if (hub.isEmpty()) {
      return;
    }
    RegionInbound in = regions.computeIfAbsent(staging.region(), r -> new RegionInbound(r, hub.get()));
    in.failbackOnly &= failback;
    in.httpsCidrs.addAll(from.cidrValues());
    in.replicationCidrs.computeIfAbsent(staging.nameValue(), k -> new TreeSet<>()).addAll(from.cidrValues());
    in.stagingVpcs.put(staging.nameValue(), staging);
    in.participants.put(from.nameValue(), from);
    // A failback landing other than the hub is a production source VPC: it gets no zones (plan/EndpointPlanner).
    if (!failback || staging.equals(hub.get())) {
      in.participants.put(staging.nameValue(), staging);
      in.httpsCidrs.addAll(staging.cidrValues());
    }
  }

  /**
   * The VPCs both zones of the region are associated with: the hub (it resolves its own endpoints) and every
   * participant.
   */
  Map<String, Vpc> zoneVpcs() {
    Map<String, Vpc> associated = new TreeMap<>(participants);
    associated.put(hub.nameValue(), hub);
    return associated;
  }

  /**
   * Associations made by {@code dns_<region>_<vpc>} modules: every zone VPC but the one the zones start with,
   * the hub, or where only failback lands the first other VPC by name (a recovery VPC).
   */
  List<Vpc> associationVpcs() {
    Map<String, Vpc> consumers = new TreeMap<>(zoneVpcs());
    if (failbackOnly) {
      consumers.keySet().stream().filter(n -> !n.equals(hub.nameValue())).findFirst().ifPresent(consumers::remove);
    } else {
      consumers.remove(hub.nameValue());
    }
    return List.copyOf(consumers.values());
  }
}
