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
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    List<String> vpcNames = t.vpcs().stream().map(Vpc::nameValue).toList();
    VpcIndex vpcs = new VpcIndex(t);
    Map<String, Connectivity> pairs = new HashMap<>();
    Map<String, List<Peer>> routedPeers = new HashMap<>();
    // Links naming an on-premises network are OnPremisesRule's.
    Set<String> onPremises = new HashSet<>(t.onPremises().stream().map(n -> n.nameValue()).toList());
    for (Connectivity link : t.connectivity()) {
      if (link.vpcs().stream().anyMatch(end -> onPremises.contains(end.value()))) {
        continue;
      }
      List<Vpc> ends = ends(vpcs, link, vpcNames, d);
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

  private static List<Vpc> ends(VpcIndex vpcs, Connectivity link, List<String> vpcNames, Diagnostics d) {
    if (link.vpcs().size() != 2) {
      if (!link.vpcs().isEmpty()) {
        d.error("DRS070", link.vpcs().get(0).at(), "a link of type " + link.type() + " joins exactly two VPCs, found " + link.vpcs().size(), "write vpcs: [first, second]; add one entry per pair");
      }
      return List.of();
    }
    List<Vpc> ends = new ArrayList<>();
    for (Located<String> name : link.vpcs()) {
      Optional<Vpc> vpc = vpcs.get(name.value());
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
    for (Block[] pair : collisions(List.of(a.cidrValues(), b.cidrValues()))) {
      d.error(
          "DRS077",
          link.vpcs().get(1).at(),
          "CIDR " + pair[0].text() + " of " + a.nameValue() + " overlaps " + pair[1].text() + " of " + b.nameValue() + "; AWS cannot route a " + link.type() + " between them",
          "link VPCs whose CIDRs do not overlap, or use type: existing if routing is solved elsewhere");
    }
  }

  private static void peerCollisions(String vpc, List<Peer> peers, Diagnostics d) {
    for (Block[] pair : collisions(peers.stream().map(peer -> peer.vpc().cidrValues()).toList())) {
      Vpc p = peers.get(pair[0].group()).vpc();
      Vpc q = peers.get(pair[1].group()).vpc();
      d.error(
          "DRS078",
          peers.get(pair[1].group()).link().at(),
          "VPC " + vpc + " would route " + pair[0].text() + " (" + p.nameValue() + ") and " + pair[1].text() + " (" + q.nameValue() + ") to different peers; the CIDRs overlap",
          "give " + p.nameValue() + " and " + q.nameValue() + " distinct CIDRs");
    }
  }

  /** One CIDR of one group (a VPC's CIDRs, or one peer's), as the address range it covers. */
  private record Block(int group, String text, long start, long end) {}

  /**
   * For every block that overlaps a block of another group, one such pair, the lower group first. Sorted by
   * start, a block overlaps an earlier one exactly when the largest end among the other groups reaches it,
   * so keeping the two largest ends of distinct groups finds them in n log n. Comparing all pairs would
   * let a hostile file with thousands of peers sharing one CIDR cost, and print, n^2 errors.
   */
  private static List<Block[]> collisions(List<List<String>> groups) {
    List<Block> blocks = new ArrayList<>();
    for (int group = 0; group < groups.size(); group++) {
      for (String text : groups.get(group)) {
        Optional<Ipv4Cidr> cidr = Ipv4Cidr.parse(text);
        if (cidr.isPresent()) {
          long start = cidr.get().canonical().network();
          blocks.add(new Block(group, text, start, start + (1L << (32 - cidr.get().prefix())) - 1));
        }
      }
    }
    blocks.sort(Comparator.comparingLong(Block::start).thenComparingInt(Block::group));
    List<Block[]> found = new ArrayList<>();
    Block first = null; // the largest end so far
    Block second = null; // the largest end of a group other than first's
    for (Block b : blocks) {
      Block other = first != null && first.group() != b.group() ? first : second;
      if (other != null && other.end() >= b.start()) {
        found.add(other.group() < b.group() ? new Block[] {other, b} : new Block[] {b, other});
      }
      if (first == null || b.end() > first.end()) {
        if (first != null && first.group() != b.group()) {
          second = first;
        }
        first = b;
      } else if (b.group() != first.group() && (second == null || b.end() > second.end())) {
        second = b;
      }
    }
    return found;
  }
}
