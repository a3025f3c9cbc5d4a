package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Ipv4Cidr;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CIDRs AWS refuses for a VPC, from https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html:
 * "this", loopback, link-local and multicast/reserved space cannot be VPC CIDR blocks, and a secondary
 * CIDR block cannot overlap a CIDR block already associated with the VPC (AssociateVpcCidrBlock refuses it).
 */
final class VpcCidrsRule implements Rule {
  private record Reserved(Ipv4Cidr block, String what) {}

  private static final List<Reserved> RESERVED =
      List.of(
          new Reserved(Ipv4Cidr.parse("0.0.0.0/8").orElseThrow(), "0.0.0.0/8 (\"this\" network)"),
          new Reserved(Ipv4Cidr.parse("127.0.0.0/8").orElseThrow(), "127.0.0.0/8 (loopback)"),
          new Reserved(Ipv4Cidr.parse("169.254.0.0/16").orElseThrow(), "169.254.0.0/16 (link-local: the instance metadata service and Amazon DNS live there)"),
          new Reserved(Ipv4Cidr.parse("224.0.0.0/3").orElseThrow(), "224.0.0.0/4 and above (multicast and reserved)"));

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    for (Vpc vpc : t.vpcs()) {
      List<Block> blocks = new ArrayList<>();
      for (int i = 0; i < vpc.cidrs().size(); i++) {
        Located<String> cidr = vpc.cidrs().get(i);
        Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(cidr.value());
        // Malformed, out-of-range prefixes and host bits are FormatsRule's; one error per CIDR is enough.
        if (parsed.isEmpty() || parsed.get().prefix() < 16 || parsed.get().prefix() > 28 || parsed.get().hasHostBits()) {
          continue;
        }
        Optional<Reserved> reserved = RESERVED.stream().filter(r -> r.block().overlaps(parsed.get())).findFirst();
        if (reserved.isPresent()) {
          d.error(
              "DRS126",
              cidr.at(),
              "VPC CIDR " + cidr.value() + " lies in " + reserved.get().what() + ", which AWS does not allow for a VPC",
              "use a private range: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16 or 100.64.0.0/10");
          continue;
        }
        blocks.add(new Block(i, cidr, parsed.get()));
      }
      ownOverlaps(vpc, blocks, d);
    }
  }

  private record Block(int index, Located<String> cidr, Ipv4Cidr range) {
    long start() {
      return range.network();
    }

    long end() {
      return range.network() + (1L << (32 - range.prefix())) - 1;
    }
  }

  /**
   * Each CIDR that overlaps an earlier-listed one of the same VPC, reported at the later one. Sorted by start,
   * a block overlaps some earlier block exactly when the largest end so far reaches it: n log n, as a hostile
   * file may list thousands. Identical texts are DRS040's.
   */
  private static void ownOverlaps(Vpc vpc, List<Block> blocks, Diagnostics d) {
    blocks.sort(Comparator.comparingLong(Block::start).thenComparingInt(Block::index));
    Block widest = null;
    for (Block b : blocks) {
      if (widest != null && widest.end() >= b.start() && !widest.cidr().value().equals(b.cidr().value())) {
        Block later = widest.index() > b.index() ? widest : b;
        Block earlier = later == b ? widest : b;
        d.error(
            "DRS127",
            later.cidr().at(),
            "CIDR " + later.cidr().value() + " of VPC " + vpc.nameValue() + " overlaps its CIDR " + earlier.cidr().value() + "; AWS refuses a CIDR block that overlaps one the VPC already has",
            "remove it, or use a range outside " + earlier.cidr().value());
      }
      if (widest == null || b.end() > widest.end()) {
        widest = b;
      }
    }
  }
}
