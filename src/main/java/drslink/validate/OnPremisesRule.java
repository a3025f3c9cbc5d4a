package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Ipv4Cidr;
import drslink.model.Located;
import drslink.model.OnPremNetwork;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * On-premises sources (topology.md, "On-premises sources"; domain.md section 9): well-formed networks that
 * reach AWS over Direct Connect or VPN, declared as {@code existing} links to the VPC they replicate into.
 * They are never targets, never peered, and their CIDRs must not collide with the VPCs they reach.
 */
final class OnPremisesRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    if (t.onPremises().isEmpty()) {
      return;
    }
    VpcIndex vpcs = new VpcIndex(t);
    Map<String, OnPremNetwork> networks = new HashMap<>();
    for (OnPremNetwork n : t.onPremises()) {
      network(n, vpcs, networks, d);
    }
    Map<String, List<Located<String>>> linkedVpcs = links(t, vpcs, networks, d);
    StagingPlacement placement = model.placement();
    Set<String> warned = new HashSet<>();
    for (Replication r : t.replications()) {
      if (networks.containsKey(r.target().value())) {
        d.error("DRS224", r.target().at(), "on-premises network " + r.target().value() + " cannot be a replication target", "replicate into a VPC; failback: true brings servers back on-premises");
      }
      Optional<Vpc> target = vpcs.get(r.target().value());
      for (Located<String> source : r.sources()) {
        OnPremNetwork n = networks.get(source.value());
        if (n != null && target.isPresent()) {
          source(n, source, target.get(), placement, linkedVpcs, warned, d);
        }
      }
    }
  }

  private static void network(OnPremNetwork n, VpcIndex vpcs, Map<String, OnPremNetwork> networks, Diagnostics d) {
    if (!Patterns.VPC_NAME.matcher(n.nameValue()).matches()) {
      d.error("DRS021", n.name().at(), "invalid on-premises network name '" + n.nameValue() + "'", "use 1-31 characters: lowercase letters, digits and '-', starting with a letter");
    }
    Optional<Vpc> vpc = vpcs.get(n.nameValue());
    OnPremNetwork first = networks.putIfAbsent(n.nameValue(), n);
    if (vpc.isPresent() || first != null) {
      int line = vpc.map(v -> v.name().at().line()).orElseGet(() -> first.name().at().line());
      d.error("DRS022", n.name().at(), "duplicate name '" + n.nameValue() + "' (first at line " + line + ")", "VPC and on-premises network names share one namespace; rename one");
    }
    n.cidrs().forEach(c -> cidr(c, d));
    n.failbackClientCidrs().forEach(c -> cidr(c, d));
    if (n.dns() != null && !OnPremNetwork.DNS_MODES.contains(n.dns().value())) {
      d.error("DRS222", n.dns().at(), "dns must be agent_flags or resolver_inbound, found '" + n.dns().value() + "'", "agent_flags gives the installer --endpoint flags; resolver_inbound builds a Route 53 Resolver inbound endpoint");
    }
  }

  private static void cidr(Located<String> cidr, Diagnostics d) {
    Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(cidr.value());
    if (parsed.isEmpty() || parsed.get().prefix() == 0) {
      d.error("DRS221", cidr.at(), "'" + cidr.value() + "' is not an IPv4 network", "write it like 192.168.0.0/16 (prefix /1 to /32), as AWS sees the servers' addresses");
    } else if (parsed.get().hasHostBits()) {
      d.error("DRS221", cidr.at(), "CIDR " + cidr.value() + " has host bits set", "write the network address, " + parsed.get().canonical());
    }
  }

  /** Links naming a network: only {@code existing}, only to a VPC; returns the VPCs each network reaches. */
  private static Map<String, List<Located<String>>> links(Topology t, VpcIndex vpcs, Map<String, OnPremNetwork> networks, Diagnostics d) {
    Map<String, List<Located<String>>> reached = new HashMap<>();
    for (Connectivity link : t.connectivity()) {
      if (link.vpcs().size() != 2) {
        continue;
      }
      List<Located<String>> ends = link.vpcs();
      for (int i = 0; i < 2; i++) {
        Located<String> end = ends.get(i);
        Located<String> other = ends.get(1 - i);
        if (!networks.containsKey(end.value())) {
          continue;
        }
        if (!(link instanceof ExistingLink)) {
          d.error(
              "DRS223",
              end.at(),
              "on-premises network " + end.value() + " cannot be linked by " + link.type(),
              "Direct Connect and VPN are managed outside drslink: declare the link with type: existing");
        } else if (vpcs.get(other.value()).isEmpty()) {
          if (networks.containsKey(other.value()) && i == 0) {
            d.error("DRS223", other.at(), "an on-premises network links to a VPC, but " + other.value() + " is on-premises too", "link each on-premises network to the VPC it replicates into");
          }
        } else {
          reached.computeIfAbsent(end.value(), k -> new ArrayList<>()).add(other);
          overlap(networks.get(end.value()), vpcs.get(other.value()).get(), other, d);
        }
      }
    }
    return reached;
  }

  private static void overlap(OnPremNetwork n, Vpc vpc, Located<String> at, Diagnostics d) {
    for (String a : n.cidrValues()) {
      for (String b : vpc.cidrValues()) {
        Optional<Ipv4Cidr> ca = Ipv4Cidr.parse(a);
        Optional<Ipv4Cidr> cb = Ipv4Cidr.parse(b);
        // A /0 is already refused as no network; it would overlap everything.
        if (ca.isPresent() && cb.isPresent() && ca.get().prefix() > 0 && ca.get().overlaps(cb.get())) {
          d.error(
              "DRS226",
              at.at(),
              "CIDR " + a + " of on-premises network " + n.nameValue() + " overlaps " + b + " of " + vpc.nameValue() + "; replication traffic between them cannot be routed",
              "give the servers' addresses as AWS sees them (after NAT), outside the VPC's CIDRs");
        }
      }
    }
  }

  private static void source(
      OnPremNetwork n, Located<String> source, Vpc target, StagingPlacement placement, Map<String, List<Located<String>>> linked, Set<String> warned, Diagnostics d) {
    List<String> reaches = linked.getOrDefault(n.nameValue(), List.of()).stream().map(Located::value).toList();
    Optional<Vpc> hub = placement.endpointVpc(target.region());
    boolean reachesTarget = reaches.contains(target.nameValue());
    if (!reachesTarget && hub.map(h -> !reaches.contains(h.nameValue())).orElse(true)) {
      d.error(
          "DRS225",
          source.at(),
          "no connectivity entry links on-premises network " + n.nameValue() + " to target " + target.nameValue(),
          "add to connectivity: - { type: existing, vpcs: [" + n.nameValue() + ", " + target.nameValue() + "] } for the Direct Connect or VPN path");
      return;
    }
    if (n.usesResolver() && hub.isPresent() && hub.get().endpointSubnetIds().size() < 2) {
      d.error(
          "DRS227",
          source.at(),
          "dns: resolver_inbound for " + n.nameValue() + " needs a Route 53 Resolver inbound endpoint with two addresses, but " + hub.get().nameValue() + " has "
              + hub.get().endpointSubnetIds().size() + " endpoint subnet",
          "give " + hub.get().nameValue() + " at least two endpoint_subnet_ids (ideally in two Availability Zones), or use dns: agent_flags");
    }
    if (warned.add(n.nameValue() + "|" + target.nameValue())) {
      d.warning(
          "DRS228",
          source.at(),
          "servers in " + n.nameValue() + " send replicated data to the staging subnet of " + target.nameValue() + " (" + String.join(", ", target.cidrValues())
              + "); the Direct Connect or VPN path must carry that CIDR",
          "include it in the Direct Connect gateway's allowed prefixes or the VPN's routes (https://docs.aws.amazon.com/directconnect/latest/UserGuide/allowed-to-prefixes.html)");
    }
  }
}
