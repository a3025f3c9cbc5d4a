package drslink.live;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How AWS decides for one flow: which route a table uses for a destination, whether a security group or
 * a network ACL lets TCP on some ports through from (or to) a CIDR. Pure functions over {@link Cloud}
 * records, so they are unit-tested on recorded answers.
 */
final class Traffic {
  /** Return traffic goes to the client's ephemeral port; AWS's NACL examples allow 1024-65535 (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#nacl-ephemeral-ports). */
  static final int EPHEMERAL_FROM = 1024;

  static final int EPHEMERAL_TO = 65535;

  /**
   * The return-port ranges a NACL may allow, widest first: 1024-65535 (AWS's own choice for rules that
   * must serve any client), 32768-65535 (Linux kernels; the agent's source servers are mostly Linux) and
   * 49152-65535 (Windows Server 2008 and later), as the ephemeral ports section lists them
   * (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#nacl-ephemeral-ports).
   */
  static final List<int[]> EPHEMERAL_RANGES = List.of(new int[] {1024, 65535}, new int[] {32768, 65535}, new int[] {49152, 65535});

  /**
   * Whether return traffic gets through: a rule allowing any of {@link #EPHEMERAL_RANGES} is enough. Empty
   * when it does; else the rule that blocks the widest range.
   */
  static Optional<Cloud.AclEntry> blockingReturnRule(Cloud.NetworkAcl acl, boolean egress, String cidr) {
    Optional<Cloud.AclEntry> first = Optional.empty();
    for (int[] range : EPHEMERAL_RANGES) {
      Optional<Cloud.AclEntry> blocking = blockingRule(acl, egress, range[0], range[1], cidr);
      if (blocking.isEmpty()) {
        return blocking;
      }
      if (first.isEmpty()) {
        first = blocking;
      }
    }
    return first;
  }

  private Traffic() {}

  /** Tables that route a subnet: its explicit association, else the VPC's main table (https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html). */
  static Optional<Cloud.RouteTable> tableOf(String subnetId, List<Cloud.RouteTable> tables) {
    return tables.stream().filter(t -> t.subnetIds().contains(subnetId)).findFirst().or(() -> tables.stream().filter(Cloud.RouteTable::main).findFirst());
  }

  /**
   * The route a table uses for {@code destination}: longest prefix that contains it; on a tie a CIDR route
   * wins over a prefix-list route (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html).
   */
  static Optional<Cloud.Route> route(Cloud.RouteTable table, String destination) {
    return table.routes().stream()
        .filter(r -> Cidr.contains(r.destination(), destination))
        .max(Comparator.<Cloud.Route>comparingInt(r -> Cidr.prefix(r.destination())).thenComparingInt(r -> r.prefixList() == null ? 1 : 0));
  }

  /**
   * Routes for part of {@code destination}: longer prefixes inside it. AWS sends those addresses by them, so
   * a /28 to an internet gateway inside a staging /24 takes part of it off the private path.
   */
  static List<Cloud.Route> moreSpecific(Cloud.RouteTable table, String destination) {
    int prefix = Cidr.prefix(destination);
    return table.routes().stream().filter(r -> Cidr.prefix(r.destination()) > prefix && Cidr.contains(destination, r.destination())).toList();
  }

  /** A usable route: active (not blackhole) and not to the internet (a private path goes local, pcx- or tgw-). */
  static boolean privateAndActive(Cloud.Route route) {
    boolean active = route.state() == null || route.state().equalsIgnoreCase("active");
    String t = route.target();
    return active && (t.equals("local") || t.startsWith("pcx-") || t.startsWith("tgw-") || t.startsWith("vgw-") || t.startsWith("arn:"));
  }

  /** Whether a group admits TCP {@code port} from every address of {@code cidr}. */
  static boolean admits(Cloud.SecurityGroup group, int port, String cidr) {
    return admits(group, "tcp", port, cidr);
  }

  /** Whether a group admits {@code protocol} ("tcp" or "udp") on {@code port} from every address of {@code cidr}. */
  static boolean admits(Cloud.SecurityGroup group, String protocol, int port, String cidr) {
    String number = protocol.equals("udp") ? "17" : "6";
    return group.ingress().stream()
        .anyMatch(p -> (p.protocol().equals("-1") || p.protocol().equals(number) || p.protocol().equalsIgnoreCase(protocol))
            && (p.protocol().equals("-1") || (p.fromPort() <= port && port <= p.toPort()))
            && Cidr.contains(p.cidr(), cidr));
  }

  private static boolean tcp(String protocol) {
    return protocol.equals("-1") || protocol.equals("6") || protocol.equalsIgnoreCase("tcp");
  }

  /**
   * Whether a network ACL lets TCP on ports {@code from..to} through, in one direction, for every address
   * of {@code cidr}. Rules are read in number order and the first that matches decides; the final
   * "*" rule denies (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html). A rule that
   * covers only part of the ports or addresses decides only for that part: a deny there is a block for
   * some of the traffic, an allow leaves the rest to later rules.
   */
  static Optional<Cloud.AclEntry> blockingRule(Cloud.NetworkAcl acl, boolean egress, int from, int to, String cidr) {
    List<Cloud.AclEntry> rules = acl.entries().stream().filter(e -> e.egress() == egress).sorted(Comparator.comparingInt(Cloud.AclEntry::ruleNumber)).toList();
    for (Cloud.AclEntry e : rules) {
      if (!tcp(e.protocol()) || !Cidr.overlaps(e.cidr(), cidr)) {
        continue;
      }
      boolean allPorts = e.protocol().equals("-1");
      if (!allPorts && (e.toPort() < from || e.fromPort() > to)) {
        continue;
      }
      boolean whole = Cidr.contains(e.cidr(), cidr) && (allPorts || (e.fromPort() <= from && to <= e.toPort()));
      if (!e.allow()) {
        return Optional.of(e);
      }
      if (whole) {
        return Optional.empty();
      }
    }
    // Nothing allowed all of it: AWS's last rule (number 32767, "*") denies the rest.
    return Optional.of(new Cloud.AclEntry(32767, egress, "-1", 0, 65535, "0.0.0.0/0", false));
  }

  static String describe(Cloud.AclEntry e) {
    return "rule " + (e.ruleNumber() == 32767 ? "*" : String.valueOf(e.ruleNumber())) + " (" + (e.allow() ? "allow" : "deny") + " " + (e.protocol().equals("-1") ? "all" : "tcp " + e.fromPort() + "-" + e.toPort()) + " " + e.cidr() + ")";
  }
}
