package drslink.live;

import drslink.model.Ipv4Cidr;
import java.util.Optional;

/** IPv4 CIDR questions the path checks ask; AWS answers with canonical blocks, so parsing cannot fail on them. */
final class Cidr {
  private Cidr() {}

  static Optional<Ipv4Cidr> parse(String text) {
    return text == null ? Optional.empty() : Ipv4Cidr.parse(text).map(Ipv4Cidr::canonical);
  }

  /** Whether every address of {@code inner} is in {@code outer}. */
  static boolean contains(String outer, String inner) {
    Optional<Ipv4Cidr> o = parse(outer);
    Optional<Ipv4Cidr> i = parse(inner);
    return o.isPresent() && i.isPresent() && o.get().prefix() <= i.get().prefix() && o.get().overlaps(i.get());
  }

  static boolean overlaps(String a, String b) {
    Optional<Ipv4Cidr> x = parse(a);
    Optional<Ipv4Cidr> y = parse(b);
    return x.isPresent() && y.isPresent() && x.get().overlaps(y.get());
  }

  static int prefix(String cidr) {
    return parse(cidr).map(Ipv4Cidr::prefix).orElse(-1);
  }
}
