package drslink.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the DRS endpoints of a region live. Route 53 refuses two private zones of the same name on one VPC,
 * so each region gets one pair of zones and therefore one set of endpoints for them to point at: in the
 * first target VPC of that region by name, or, for a region that only receives failback, in the first
 * source VPC by name that has endpoint subnets and a staging subnet (topology.md).
 */
public final class StagingPlacement {
  private StagingPlacement() {}

  public static Optional<Vpc> endpointVpc(Topology topology, String region) {
    Optional<Vpc> target = targetsIn(topology, region).stream().findFirst();
    return target.isPresent() ? target : failbackLandingIn(topology, region);
  }

  /** Target VPCs in the region, sorted by name. */
  public static List<Vpc> targetsIn(Topology topology, String region) {
    Map<String, Vpc> byName = byName(topology);
    return topology.replications().stream()
        .map(r -> Optional.ofNullable(byName.get(r.target().value())))
        .flatMap(Optional::stream)
        .filter(v -> v.region().equals(region))
        .distinct()
        .sorted(Comparator.comparing(Vpc::nameValue))
        .toList();
  }

  /** Candidates that can receive failback in the region: sources of failback replications with both subnets set. */
  public static List<Vpc> failbackCandidatesIn(Topology topology, String region) {
    Map<String, Vpc> byName = byName(topology);
    return topology.replications().stream()
        .filter(Replication::failbackEnabled)
        .flatMap(r -> r.sourceNames().stream())
        .map(name -> Optional.ofNullable(byName.get(name)))
        .flatMap(Optional::stream)
        .filter(v -> v.region().equals(region) && v.canHostStaging())
        .distinct()
        .sorted(Comparator.comparing(Vpc::nameValue))
        .toList();
  }

  /**
   * VPCs by name, the first of a duplicated name winning as in {@link Topology#vpc}; one lookup per
   * replication instead of a scan keeps large files linear.
   */
  private static Map<String, Vpc> byName(Topology topology) {
    Map<String, Vpc> byName = new HashMap<>();
    topology.vpcs().forEach(v -> byName.putIfAbsent(v.nameValue(), v));
    return byName;
  }

  /** Where failback replication servers of a region land: the endpoint VPC when it can host staging. */
  public static Optional<Vpc> failbackLandingIn(Topology topology, String region) {
    Optional<Vpc> target = targetsIn(topology, region).stream().findFirst();
    if (target.isPresent()) {
      return target;
    }
    return failbackCandidatesIn(topology, region).stream().findFirst();
  }
}
