package drslink.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block such as 10.10.0.0/16. */
public record Ipv4Cidr(long network, int prefix) {
  /**
   * No leading zeros: some parsers read 010 as octal 8, and Go's net.ParseCIDR (the AWS provider's
   * validation) refuses them, so "010.10.0.0/16" would pass here and fail at plan time.
   */
  private static final String NUMBER = "(0|[1-9]\\d{0,2})";

  private static final Pattern SHAPE = Pattern.compile(NUMBER + "\\." + NUMBER + "\\." + NUMBER + "\\." + NUMBER + "/(0|[1-9]\\d?)");

  /** Parses the text; empty when it is not an IPv4 CIDR at all. Host bits are kept so callers can report them. */
  public static Optional<Ipv4Cidr> parse(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long address = 0;
    for (int i = 1; i <= 4; i++) {
      int octet = Integer.parseInt(m.group(i));
      if (octet > 255) {
        return Optional.empty();
      }
      address = (address << 8) | octet;
    }
    int prefix = Integer.parseInt(m.group(5));
    return prefix > 32 ? Optional.empty() : Optional.of(new Ipv4Cidr(address, prefix));
  }

  private long mask() {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  public boolean hasHostBits() {
    return (network & ~mask() & 0xFFFFFFFFL) != 0;
  }

  public Ipv4Cidr canonical() {
    return new Ipv4Cidr(network & mask(), prefix);
  }

  public boolean overlaps(Ipv4Cidr other) {
    int shorter = Math.min(prefix, other.prefix);
    long m = shorter == 0 ? 0 : (0xFFFFFFFFL << (32 - shorter)) & 0xFFFFFFFFL;
    return (network & m) == (other.network & m);
  }

  @Override
  public String toString() {
    return ((network >> 24) & 255) + "." + ((network >> 16) & 255) + "." + ((network >> 8) & 255) + "." + (network & 255) + "/" + prefix;
  }
}
