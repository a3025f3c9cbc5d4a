package drslink.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VPCs by name, built once per pass: {@link Topology#vpc} scans, and a pass asking it for every link end or
 * source is quadratic in a large (or hostile) file. The first VPC of a duplicated name wins, as there.
 */
public final class VpcIndex {
  private final Map<String, Vpc> byName = new HashMap<>();

  public VpcIndex(Topology topology) {
    topology.vpcs().forEach(v -> byName.putIfAbsent(v.nameValue(), v));
  }

  public Optional<Vpc> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
