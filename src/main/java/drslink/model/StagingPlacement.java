package drslink.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the DRS endpoints of a region live. Route 53 refuses two private zones of the same name on one VPC,
 * so each region gets one pair of zones and therefore one set of endpoints for them to point at: in the
 * region's {@code endpoints_vpc} when it names an eligible VPC, else in the first eligible VPC by name.
 * Eligible are the region's target VPCs, or, for a region that only receives failback, the sources of
 * failback replications that have endpoint subnets and a staging subnet (topology.md).
 *
 * <p>Built once per topology in one pass over the replications; every question after that is a lookup, so
 * asking it per replication or per VPC stays linear in a large file.
 */
public final class StagingPlacement {
  /** Region -> VPCs by name (sorted), for targets and for failback candidates. */
  private final Map<String, TreeMap<String, Vpc>> targets = new HashMap<>();
  private final Map<String, TreeMap<String, Vpc>> failbackCandidates = new HashMap<>();
  private final Map<String, Vpc> pinned = new HashMap<>();
  private final Topology topology;

  private StagingPlacement(Topology topology) {
    this.topology = topology;
    VpcIndex vpcs = new VpcIndex(topology);
    for (Replication r : topology.replications()) {
      vpcs.get(r.target().value()).ifPresent(v -> add(targets, v));
      if (r.failbackEnabled()) {
        r.sourceNames().stream().map(vpcs::get).flatMap(Optional::stream).filter(Vpc::canHostStaging).forEach(v -> add(failbackCandidates, v));
      }
    }
    // The first entry of a region that sets endpoints_vpc decides, as the validator reports it.
    Map<String, String> pins = new HashMap<>();
    for (Region region : topology.regions()) {
      if (region.endpointsVpc() != null) {
        pins.putIfAbsent(region.name().value(), region.endpointsVpc().value());
      }
    }
    pins.forEach((region, name) -> vpcs.get(name).filter(v -> v.region().equals(region)).ifPresent(v -> pinned.put(region, v)));
  }

  public static StagingPlacement of(Topology topology) {
    return new StagingPlacement(topology);
  }

  private static void add(Map<String, TreeMap<String, Vpc>> byRegion, Vpc vpc) {
    byRegion.computeIfAbsent(vpc.region(), k -> new TreeMap<>()).putIfAbsent(vpc.nameValue(), vpc);
  }

  public Optional<Vpc> endpointVpc(String region) {
    List<Vpc> eligible = eligibleHubs(region);
    Optional<Vpc> pin = pinnedIn(region).filter(eligible::contains);
    return pin.isPresent() ? pin : eligible.stream().findFirst();
  }

  /** The VPCs that may host the region's endpoints, sorted by name: its targets, else its failback candidates. */
  public List<Vpc> eligibleHubs(String region) {
    List<Vpc> inRegion = targetsIn(region);
    return inRegion.isEmpty() ? failbackCandidatesIn(region) : inRegion;
  }

  /** The VPC the region's {@code endpoints_vpc} names, when it names a VPC of that region. */
  public Optional<Vpc> pinnedIn(String region) {
    return Optional.ofNullable(pinned.get(region));
  }

  /**
   * Where the failback of a source VPC lands: DRS fails back into the source server's own account and region
   * ("copying the data from the EC2 recovered instances (B3) to the original account and region",
   * https://docs.aws.amazon.com/drs/latest/userguide/failback-failover-cross-account.html), so the landing is a
   * VPC of that (account, region) that can host staging: the region's endpoint VPC when it is in that account,
   * else the first target there by name, else the first failback candidate there by name. Empty when that
   * account has none in the region (DRS088).
   */
  public Optional<Vpc> failbackLanding(Vpc source) {
    String region = source.region();
    Optional<String> account = topology.accountOf(source);
    Optional<Vpc> hub = endpointVpc(region).filter(v -> topology.accountOf(v).equals(account));
    if (hub.isPresent()) {
      return hub;
    }
    Optional<Vpc> target = targetsIn(region).stream().filter(Vpc::canHostStaging).filter(v -> topology.accountOf(v).equals(account)).findFirst();
    return target.isPresent() ? target : failbackCandidatesIn(region, account).stream().findFirst();
  }

  /** Failback candidates of one account in the region, sorted by name. */
  public List<Vpc> failbackCandidatesIn(String region, Optional<String> account) {
    return failbackCandidatesIn(region).stream().filter(v -> topology.accountOf(v).equals(account)).toList();
  }

  /** Target VPCs in the region, sorted by name. */
  public List<Vpc> targetsIn(String region) {
    return List.copyOf(targets.getOrDefault(region, new TreeMap<>()).values());
  }

  /** Candidates that can receive failback in the region: sources of failback replications with both subnets set. */
  public List<Vpc> failbackCandidatesIn(String region) {
    return List.copyOf(failbackCandidates.getOrDefault(region, new TreeMap<>()).values());
  }
}
