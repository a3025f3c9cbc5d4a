package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Connectivity;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.VpcPeering;
import drslink.model.derived.ReplicationModel;
import java.util.Optional;

/**
 * A peering only carries traffic that route tables send into it
 * (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html). When neither VPC lists
 * {@code route_table_ids}, drslink creates a peering and no routes: it applies, and DRS still cannot reach
 * its endpoints. Routes may be managed elsewhere, so this is a warning.
 */
final class PeeringRoutesRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    VpcIndex vpcs = new VpcIndex(t);
    for (Connectivity link : t.connectivity()) {
      if (!(link instanceof VpcPeering) || link.vpcs().size() != 2) {
        continue;
      }
      Optional<Vpc> a = vpcs.get(link.vpcs().get(0).value());
      Optional<Vpc> b = vpcs.get(link.vpcs().get(1).value());
      if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get()) || !a.get().routeTableIds().isEmpty() || !b.get().routeTableIds().isEmpty()) {
        continue;
      }
      d.warning(
          "DRS132",
          link.at(),
          "the vpc_peering between " + a.get().nameValue() + " and " + b.get().nameValue() + " gets no routes: neither VPC lists route_table_ids, so no traffic would cross it",
          "add route_table_ids (the route tables of the subnets that must reach each other) to " + a.get().nameValue() + " and " + b.get().nameValue());
    }
  }
}
