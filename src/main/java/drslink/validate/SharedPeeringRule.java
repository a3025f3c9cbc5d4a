package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Connectivity;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Transit gateway links between the same two transit gateways share one peering attachment (one static
 * route per destination and route table, else RouteAlreadyExists), and an attachment is associated with
 * only one route table per transit gateway ("You can associate only one route table with an attachment":
 * AssociateTransitGatewayRouteTable, EC2 API reference). So every such link must name the same route
 * table on each of the two gateways; the first link in the file sets it.
 */
final class SharedPeeringRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    // gateway pair -> transit gateway id -> the first link's side on that gateway
    Map<String, Map<String, First>> firstByPair = new HashMap<>();
    for (Connectivity link : t.connectivity()) {
      if (!(link instanceof TransitGatewayLink tgw) || !joinsTwoRegions(t, tgw)) {
        continue; // broken links are ConnectivityRule's
      }
      Map<String, First> sides = firstByPair.computeIfAbsent(tgw.gatewayPair().orElseThrow(), k -> new HashMap<>());
      for (TransitGatewaySide side : tgw.gateways().values()) {
        if (side.routeTableId() == null) {
          continue; // missing, which the reader reported
        }
        First first = sides.putIfAbsent(side.id().value(), new First(tgw, side));
        Located<String> table = side.routeTableId();
        if (first != null && !first.side().routeTableId().value().equals(table.value())) {
          String firstTable = first.side().routeTableId().value();
          d.error(
              "DRS240",
              table.at(),
              "transit gateway "
                  + side.id().value()
                  + " uses route table "
                  + firstTable
                  + " for link "
                  + ends(first.link())
                  + " (line "
                  + first.link().at().line()
                  + ") and "
                  + table.value()
                  + " here; both links share one peering attachment, which has one route table per transit gateway",
              "give " + side.id().value() + " route_table_id: " + firstTable + " in both links, a table that routes to both VPCs, or attach one of the VPCs to another transit gateway");
        }
      }
    }
  }

  private record First(TransitGatewayLink link, TransitGatewaySide side) {}

  private static boolean joinsTwoRegions(Topology t, TransitGatewayLink link) {
    if (link.vpcs().size() != 2 || link.gatewayPair().isEmpty()) {
      return false;
    }
    Optional<Vpc> a = t.vpc(link.vpcs().get(0).value());
    Optional<Vpc> b = t.vpc(link.vpcs().get(1).value());
    return a.isPresent()
        && b.isPresent()
        && !a.get().region().equals(b.get().region())
        && link.gateways().keySet().equals(Set.of(a.get().region(), b.get().region()));
  }

  private static String ends(TransitGatewayLink link) {
    return String.join(" <-> ", link.vpcs().stream().map(Located::value).toList());
  }
}
