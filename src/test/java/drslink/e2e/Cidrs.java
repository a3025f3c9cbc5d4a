package drslink.e2e;

/** IPv4 CIDR arithmetic for carving test subnets. */
final class Cidrs {
  private Cidrs() {}

  /**
   * The {@code index}-th subnet of {@code cidr}: /24s for a /22 or larger VPC, otherwise blocks two
   * bits longer than the VPC (so a /26 VPC still yields four /28s).
   */
  static String carve(String cidr, int index) {
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    int sub = prefix <= 22 ? 24 : Math.min(28, prefix + 2);
    long count = 1L << (sub - prefix);
    if (index >= count) {
      throw new IllegalArgumentException(cidr + " has no room for subnet #" + index);
    }
    long base = toLong(parts[0]) & mask(prefix);
    long net = base + index * (1L << (32 - sub));
    return toText(net) + "/" + sub;
  }

  static boolean contains(String cidr, String ip) {
    String[] parts = cidr.split("/");
    int prefix = Integer.parseInt(parts[1]);
    return (toLong(parts[0]) & mask(prefix)) == (toLong(ip) & mask(prefix));
  }

  private static long mask(int prefix) {
    return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
  }

  private static long toLong(String ip) {
    String[] o = ip.split("\\.");
    long v = 0;
    for (String s : o) {
      v = (v << 8) | Integer.parseInt(s);
    }
    return v;
  }

  private static String toText(long v) {
    return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
  }
}
