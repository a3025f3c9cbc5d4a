package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.Suggestions;
import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Ipv4Cidr;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.Vpc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Links name two known, distinct VPCs once; transit gateway links give both regions' gateways; and the VPCs
 * a peering or transit gateway joins have no overlapping CIDRs (AWS refuses such peerings and routes),
 * nor do two peers of one VPC (their routes in its route tables would collide).
 */
final class ConnectivityRule implements Rule {
  @Override
  public void check(Topology t, Diagnostics d) {
    List<String> vpcNames = t.vpcs().stream().map(Vpc::nameValue).toList();
    Map<String, Connectivity> pairs = new HashMap<>();
    Map<String, List<Peer>> routedPeers = new HashMap<>();
    for (Connectivity link : t.connectivity()) {
      List<Vpc> ends = ends(t, link, vpcNames, d);
      if (ends.size() != 2) {
        continue;
      }
      Vpc a = ends.get(0);
      Vpc b = ends.get(1);
      String pair = new TreeSet<>(List.of(a.nameValue(), b.nameValue())).toString();
      Connectivity first = pairs.putIfAbsent(pair, link);
      if (first != null) {
        d.error(
            "DRS072",
            link.at(),
            "VPCs " + a.nameValue() + " and " + b.nameValue() + " are already linked (line " + first.at().line() + ")",
            "keep one connectivity entry per pair of VPCs");
        continue;
      }
      if (link instanceof TransitGatewayLink tgw) {
        gateways(tgw, a, b, d);
      }
      if (!(link instanceof ExistingLink)) {
        overlap(link, a, b, d);
        routedPeers.computeIfAbsent(a.nameValue(), k -> new ArrayList<>()).add(new Peer(b, link));
        routedPeers.computeIfAbsent(b.nameValue(), k -> new ArrayList<>()).add(new Peer(a, link));
      }
    }
    routedPeers.forEach((vpc, peers) -> peerCollisions(vpc, peers, d));
  }

  private record Peer(Vpc vpc, Connectivity link) {}

  private static List<Vpc> ends(Topology t, Connectivity link, List<String> vpcNames, Diagnostics d) {
    if (link.vpcs().size() != 2) {
      if (!link.vpcs().isEmpty()) {
        d.error("DRS070", link.vpcs().get(0).at(), "a link of type " + link.type() + " joins exactly two VPCs, found " + link.vpcs().size(), "write vpcs: [first, second]; add one entry per pair");
      }
      return List.of();
    }
    List<Vpc> ends = new ArrayList<>();
    for (Located<String> name : link.vpcs()) {
      Optional<Vpc> vpc = t.vpc(name.value());
      if (vpc.isEmpty()) {
        String suggestion = Suggestions.didYouMean(name.value(), vpcNames);
        d.error("DRS071", name.at(), "connectivity names unknown VPC '" + name.value() + "'", suggestion.isEmpty() ? "use a VPC name from regions[].vpcs" : suggestion);
      } else {
        ends.add(vpc.get());
      }
    }
    if (ends.size() == 2 && ends.get(0).equals(ends.get(1))) {
      d.error("DRS073", link.vpcs().get(1).at(), "a link joins two different VPCs, but both are " + ends.get(0).nameValue(), "name the two VPCs to link");
      return List.of();
    }
    return ends;
  }

  private static void gateways(TransitGatewayLink tgw, Vpc a, Vpc b, Diagnostics d) {
    if (a.region().equals(b.region())) {
      d.error(
          "DRS074",
          tgw.at(),
          "transit_gateway links VPCs in two regions, but " + a.nameValue() + " and " + b.nameValue() + " are both in " + a.region(),
          "within one region attach both VPCs to the same transit gateway and use type: existing");
      return;
    }
    Set<String> expected = new TreeSet<>(List.of(a.region(), b.region()));
    for (String region : expected) {
      if (tgw.gatewaysAt() != null && !tgw.gateways().containsKey(region)) {
        d.error("DRS075", tgw.gatewaysAt(), "transit_gateways has no entry for " + region, "add " + region + ": { id: tgw-..., route_table_id: tgw-rtb-..., attachment_id: tgw-attach-... }");
      }
    }
    tgw.gateways().forEach(
        (region, side) -> {
          if (!expected.contains(region)) {
            d.error("DRS076", side.region().at(), "transit_gateways names " + region + ", which is not the region of " + a.nameValue() + " or " + b.nameValue(), "keep only " + String.join(" and ", expected));
          }
        });
  }

  private static void overlap(Connectivity link, Vpc a, Vpc b, Diagnostics d) {
    for (Located<String> ca : a.cidrs()) {
      for (Located<String> cb : b.cidrs()) {
        Optional<Ipv4Cidr> x = Ipv4Cidr.parse(ca.value());
        Optional<Ipv4Cidr> y = Ipv4Cidr.parse(cb.value());
        if (x.isPresent() && y.isPresent() && x.get().overlaps(y.get())) {
          d.error(
              "DRS077",
              link.vpcs().get(1).at(),
              "CIDR " + ca.value() + " of " + a.nameValue() + " overlaps " + cb.value() + " of " + b.nameValue() + "; AWS cannot route a " + link.type() + " between them",
              "link VPCs whose CIDRs do not overlap, or use type: existing if routing is solved elsewhere");
        }
      }
    }
  }

  private static void peerCollisions(String vpc, List<Peer> peers, Diagnostics d) {
    for (int i = 0; i < peers.size(); i++) {
      for (int j = i + 1; j < peers.size(); j++) {
        Vpc p = peers.get(i).vpc();
        Vpc q = peers.get(j).vpc();
        for (String cp : p.cidrValues()) {
          for (String cq : q.cidrValues()) {
            Optional<Ipv4Cidr> x = Ipv4Cidr.parse(cp);
            Optional<Ipv4Cidr> y = Ipv4Cidr.parse(cq);
            if (x.isPresent() && y.isPresent() && x.get().overlaps(y.get())) {
              d.error(
                  "DRS078",
                  peers.get(j).link().at(),
                  "VPC " + vpc + " would route " + cp + " (" + p.nameValue() + ") and " + cq + " (" + q.nameValue() + ") to different peers; the CIDRs overlap",
                  "give " + p.nameValue() + " and " + q.nameValue() + " distinct CIDRs");
            }
          }
        }
      }
    }
  }
}
