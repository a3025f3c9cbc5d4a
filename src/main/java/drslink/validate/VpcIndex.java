package drslink.validate;

import drslink.model.Topology;
import drslink.model.Vpc;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * VPCs by name, built once per rule: {@link Topology#vpc} scans, and a rule asking it for every link end or
 * source is quadratic in a large (or hostile) file. The first VPC of a duplicated name wins, as there.
 */
final class VpcIndex {
  private final Map<String, Vpc> byName = new HashMap<>();

  VpcIndex(Topology topology) {
    topology.vpcs().forEach(v -> byName.putIfAbsent(v.nameValue(), v));
  }

  Optional<Vpc> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
