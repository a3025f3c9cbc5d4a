package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Connectivity;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.VpcPeering;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Default AWS quotas the generated Terraform would run into (shared/spec/domain.md section 8, "Quotas"):
 * active VPC peering connections per VPC, 50 by default and 125 at most
 * (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html); inbound rules per security
 * group, 60 by default (same page); VPCs associated with one private hosted zone, 300
 * (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DNSLimitations.html). Raisable quotas are
 * warnings; the peering maximum is an error.
 */
final class QuotasRule implements Rule {
  static final int PEERINGS_DEFAULT = 50;
  static final int PEERINGS_MAX = 125;
  static final int INBOUND_RULES = 60;
  static final int ZONE_VPCS = 300;

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    peerings(t, d);
    // The rules and associations the planner will write, as the model works them out (plan/EndpointPlanner.java).
    for (ReplicationModel.Hub in : model.hubs().values()) {
      inboundRules(in.vpc(), "endpoint security group", "TCP 443", in.httpsCidrs(), d);
      in.replicationCidrs().forEach((staging, cidrs) -> inboundRules(in.stagingVpcs().get(staging), "replication server security group", "TCP 1500", cidrs, d));
      int zoneVpcs = in.zoneVpcs().size();
      if (zoneVpcs > ZONE_VPCS) {
        d.warning(
            "DRS131",
            in.vpc().name().at(),
            "the private zones " + in.zoneName("drs") + " and " + in.zoneName("s3") + " would each be associated with " + zoneVpcs + " VPCs; Route 53 allows " + ZONE_VPCS + " VPCs per private hosted zone by default",
            "request a higher Route 53 quota 'VPCs that you can associate with a private hosted zone' before applying");
      }
    }
  }

  private static void peerings(Topology t, Diagnostics d) {
    VpcIndex vpcs = new VpcIndex(t);
    Map<String, List<Connectivity>> byVpc = new TreeMap<>();
    Set<List<String>> pairs = new HashSet<>();
    for (Connectivity link : t.connectivity()) {
      if (!(link instanceof VpcPeering) || link.vpcs().size() != 2) {
        continue;
      }
      String a = link.vpcs().get(0).value();
      String b = link.vpcs().get(1).value();
      if (a.equals(b) || vpcs.get(a).isEmpty() || vpcs.get(b).isEmpty() || !pairs.add(new ArrayList<>(new TreeSet<>(List.of(a, b))))) {
        continue; // DRS071-DRS073
      }
      byVpc.computeIfAbsent(a, k -> new ArrayList<>()).add(link);
      byVpc.computeIfAbsent(b, k -> new ArrayList<>()).add(link);
    }
    byVpc.forEach(
        (vpc, links) -> {
          if (links.size() > PEERINGS_MAX) {
            d.error(
                "DRS129",
                links.get(PEERINGS_MAX).at(),
                "VPC " + vpc + " would have " + links.size() + " VPC peerings; AWS allows at most " + PEERINGS_MAX + " active peering connections per VPC",
                "link these VPCs through a transit gateway (type: transit_gateway) instead of peering each one");
          } else if (links.size() > PEERINGS_DEFAULT) {
            d.warning(
                "DRS128",
                links.get(PEERINGS_DEFAULT).at(),
                "VPC " + vpc + " would have " + links.size() + " VPC peerings; AWS allows " + PEERINGS_DEFAULT + " active peering connections per VPC unless the quota is raised (to " + PEERINGS_MAX + " at most)",
                "request a higher 'Active VPC peering connections per VPC' quota, or link through a transit gateway (type: transit_gateway)");
          }
        });
  }

  /** drslink writes one ingress rule per CIDR (plan/EndpointPlanner.java), and each counts toward the group's quota. */
  private static void inboundRules(Vpc vpc, String group, String port, List<String> cidrs, Diagnostics d) {
    if (vpc == null || cidrs.size() <= INBOUND_RULES) {
      return;
    }
    Located<String> name = vpc.name();
    d.warning(
        "DRS130",
        name.at(),
        "the " + group + " in " + vpc.nameValue() + " would get " + cidrs.size() + " inbound rules (" + port + " from each CIDR); AWS allows " + INBOUND_RULES + " inbound rules per security group by default",
        "request a higher 'Inbound or outbound rules per security group' quota (rules times groups per network interface stay within 1,000), or replicate from fewer CIDRs into this VPC");
  }
}
