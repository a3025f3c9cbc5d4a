package drslink.model;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which VPC pairs a connectivity entry links, in either order, built once per pass: asking every link about
 * every pair is quadratic in a large file. Links are not transitive: two peerings through a third VPC do not
 * connect the outer two, and a transit gateway entry routes only its own two CIDRs.
 */
public final class LinkIndex {
  private final Set<List<String>> pairs = new HashSet<>();

  public LinkIndex(Topology topology) {
    for (Connectivity link : topology.connectivity()) {
      if (link.vpcs().size() == 2) {
        pairs.add(key(link.vpcs().get(0).value(), link.vpcs().get(1).value()));
      }
    }
  }

  public boolean linked(String a, String b) {
    return pairs.contains(key(a, b));
  }

  /** The same key for (a, b) and (b, a), as {@link Connectivity#links} treats them. */
  private static List<String> key(String a, String b) {
    return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
  }
}
