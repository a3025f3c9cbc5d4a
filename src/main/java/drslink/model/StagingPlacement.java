package drslink.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where the DRS endpoints of a region live. Route 53 refuses two private zones of the same name on one VPC,
 * so each region gets one pair of zones and therefore one set of endpoints for them to point at: in the
 * region's {@code endpoints_vpc} when it names an eligible VPC, else in the first eligible VPC by name.
 * Eligible are the region's target VPCs, or, for a region that only receives failback, the sources of
 * failback replications that have endpoint subnets and a staging subnet (topology.md).
 */
public final class StagingPlacement {
  private StagingPlacement() {}

  public static Optional<Vpc> endpointVpc(Topology topology, String region) {
    List<Vpc> eligible = eligibleHubs(topology, region);
    Optional<Vpc> pinned = pinnedIn(topology, region).filter(eligible::contains);
    return pinned.isPresent() ? pinned : eligible.stream().findFirst();
  }

  /** The VPCs that may host the region's endpoints, sorted by name: its targets, else its failback candidates. */
  public static List<Vpc> eligibleHubs(Topology topology, String region) {
    List<Vpc> targets = targetsIn(topology, region);
    return targets.isEmpty() ? failbackCandidatesIn(topology, region) : targets;
  }

  /** The VPC the region's {@code endpoints_vpc} names, when it names a VPC of that region. */
  public static Optional<Vpc> pinnedIn(Topology topology, String region) {
    return topology.regions().stream()
        .filter(r -> r.name().value().equals(region) && r.endpointsVpc() != null)
        .findFirst()
        .flatMap(r -> topology.vpc(r.endpointsVpc().value()))
        .filter(v -> v.region().equals(region));
  }

  /** Target VPCs in the region, sorted by name. */
  public static List<Vpc> targetsIn(Topology topology, String region) {
    VpcIndex vpcs = new VpcIndex(topology);
    return topology.replications().stream()
        .map(r -> vpcs.get(r.target().value()))
        .flatMap(Optional::stream)
        .filter(v -> v.region().equals(region))
        .distinct()
        .sorted(Comparator.comparing(Vpc::nameValue))
        .toList();
  }

  /** Candidates that can receive failback in the region: sources of failback replications with both subnets set. */
  public static List<Vpc> failbackCandidatesIn(Topology topology, String region) {
    VpcIndex vpcs = new VpcIndex(topology);
    return topology.replications().stream()
        .filter(Replication::failbackEnabled)
        .flatMap(r -> r.sourceNames().stream())
        .map(vpcs::get)
        .flatMap(Optional::stream)
        .filter(v -> v.region().equals(region) && v.canHostStaging())
        .distinct()
        .sorted(Comparator.comparing(Vpc::nameValue))
        .toList();
  }
}
