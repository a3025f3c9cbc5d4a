package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import harness.terraform.Plan;
import harness.terraform.ResourceChange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a JSON plan against {@link Expectations}. Each check reads values the plan already knows
 * (service names, subnet ids, zone names, record names, ports, CIDRs, route destinations); values
 * that only exist after apply (endpoint DNS names, zone ids) are checked in moto by {@link
 * MotoAssertions}. All findings are collected so one run shows every gap.
 */
public final class PlanAssertions {

  private final Plan plan;
  private final Expectations expected;
  private final List<String> findings = new ArrayList<>();

  public PlanAssertions(Plan plan, Expectations expected) {
    this.plan = plan;
    this.expected = expected;
  }

  /** Returns every mismatch; empty when the plan has all the facts that matter. */
  public List<String> check() {
    endpoints();
    zones();
    records();
    associations();
    ingress();
    routes();
    tgwPeerings();
    templates();
    return findings;
  }

  private void endpoints() {
    // Only the DRS and S3 interface endpoints are the contract's; a root may add others (for
    // example an S3 gateway endpoint for a private staging subnet).
    List<ResourceChange> all =
        created("aws_vpc_endpoint").stream()
            .filter(rc -> "Interface".equals(rc.afterText("vpc_endpoint_type")))
            .filter(
                rc ->
                    String.valueOf(rc.afterText("service_name"))
                        .matches("com\\.amazonaws\\.[a-z0-9-]+\\.(drs|s3)"))
            .collect(Collectors.toList());
    for (Expectations.Endpoint e : expected.endpoints()) {
      List<ResourceChange> match =
          all.stream()
              .filter(rc -> e.serviceName().equals(rc.afterText("service_name")))
              .filter(rc -> e.vpc().id().equals(rc.afterText("vpc_id")))
              .collect(Collectors.toList());
      if (match.size() != 1) {
        findings.add(
            "expected one aws_vpc_endpoint for "
                + e.serviceName()
                + " in "
                + e.vpc().name()
                + " ("
                + e.vpc().id()
                + ", "
                + e.why()
                + "), plan has "
                + match
                + "; interface endpoints planned: "
                + describe(all, "service_name", "vpc_id"));
        continue;
      }
      ResourceChange rc = match.get(0);
      if (!"false".equals(rc.afterText("private_dns_enabled"))) {
        findings.add(
            rc.address()
                + ": private_dns_enabled "
                + rc.afterText("private_dns_enabled")
                + ", want false (the private zones replace it)");
      }
      Set<String> subnets = new HashSet<>(rc.afterTexts("subnet_ids"));
      if (!subnets.equals(new HashSet<>(e.vpc().endpointSubnetIds()))) {
        findings.add(
            rc.address()
                + ": subnet_ids "
                + subnets
                + ", want endpoint_subnet_ids of "
                + e.vpc().name()
                + " "
                + e.vpc().endpointSubnetIds());
      }
      if (rc.after("security_group_ids").size() == 0 && !rc.isUnknown("security_group_ids")) {
        findings.add(
            rc.address() + ": no security_group_ids (443 would fall to the VPC default group)");
      }
    }
    if (all.size() != expected.endpoints().size()) {
      findings.add(
          "plan creates "
              + all.size()
              + " DRS/S3 interface endpoints, topology calls for "
              + expected.endpoints().size()
              + ": "
              + describe(all, "service_name", "vpc_id"));
    }
  }

  private void zones() {
    List<ResourceChange> all = created("aws_route53_zone");
    for (Expectations.Zone z : expected.zones()) {
      List<ResourceChange> match = zonesNamed(all, z.domain());
      if (match.size() != 1) {
        findings.add(
            "expected exactly one private zone "
                + z.domain()
                + " (one per domain per region), plan has "
                + match
                + "; zones planned: "
                + describe(all, "name"));
      }
      for (ResourceChange rc : match) {
        if (rc.after("vpc").size() == 0) {
          findings.add(
              rc.address() + ": zone " + z.domain() + " has no vpc block, so it would be public");
        }
      }
    }
    if (all.size() != expected.zones().size()) {
      findings.add(
          "plan creates "
              + all.size()
              + " aws_route53_zone, topology calls for "
              + expected.zones().size()
              + ": "
              + describe(all, "name"));
    }
  }

  private void records() {
    List<ResourceChange> all = created("aws_route53_record");
    for (Expectations.Zone z : expected.zones()) {
      for (String name : z.recordNames()) {
        List<ResourceChange> match =
            all.stream()
                .filter(rc -> name.equals(dns(rc.afterText("name"))))
                .collect(Collectors.toList());
        if (match.size() != 1) {
          findings.add(
              "expected one alias A record "
                  + name
                  + ", plan has "
                  + match
                  + "; records planned: "
                  + describe(all, "name", "type"));
          continue;
        }
        ResourceChange rc = match.get(0);
        if (!"A".equals(rc.afterText("type"))) {
          findings.add(rc.address() + ": type " + rc.afterText("type") + ", want A");
        }
        if (rc.after("alias").size() != 1) {
          findings.add(rc.address() + ": " + name + " is not an alias record");
        }
      }
    }
  }

  /**
   * Zone ids are unknown until apply, so a plan shows associations only by VPC id. Each expected
   * (zone, VPC) pair is met either by the zone's own vpc block or by one
   * aws_route53_zone_association for that VPC; the counts per VPC must match exactly, which also
   * catches an extra association (for example s3.<source-region> on a production source VPC).
   */
  private void associations() {
    List<ResourceChange> zonesPlanned = created("aws_route53_zone");
    List<ResourceChange> assocs = created("aws_route53_zone_association");
    for (TopologyTree.Vpc v : vpcsInvolved()) {
      int wanted = 0;
      for (Expectations.Zone z : expected.zones()) {
        if (!z.associated().contains(v)) {
          continue;
        }
        boolean inline =
            zonesNamed(zonesPlanned, z.domain()).stream()
                .anyMatch(rc -> vpcIdsOf(rc).contains(v.id()));
        if (!inline) {
          wanted++;
        }
      }
      long planned = assocs.stream().filter(rc -> v.id().equals(rc.afterText("vpc_id"))).count();
      if (planned != wanted) {
        findings.add(
            "VPC "
                + v.name()
                + " ("
                + v.id()
                + ", "
                + v.region()
                + ") needs "
                + wanted
                + " aws_route53_zone_association (zones "
                + zonesFor(v)
                + " not associated inline), plan has "
                + planned);
      }
      long stray =
          zonesPlanned.stream()
              .filter(rc -> vpcIdsOf(rc).contains(v.id()))
              .filter(
                  rc ->
                      expected.zones().stream()
                          .noneMatch(
                              z ->
                                  z.domain().equals(dns(rc.afterText("name")))
                                      && z.associated().contains(v)))
              .count();
      if (stray > 0) {
        findings.add(
            "VPC "
                + v.name()
                + " is in the vpc block of "
                + stray
                + " zone(s) it must not be associated with");
      }
    }
    for (ResourceChange rc : assocs) {
      String vpc = rc.afterText("vpc_id");
      if (vpcsInvolved().stream().noneMatch(v -> v.id().equals(vpc))) {
        findings.add(rc.address() + ": associates a VPC the topology does not name: " + vpc);
      }
    }
  }

  private void ingress() {
    List<Rule> rules = ingressRules();
    for (Expectations.Ingress in : expected.ingress()) {
      for (String cidr : in.cidrs()) {
        boolean found = rules.stream().anyMatch(r -> r.allows(in.port(), cidr, in.vpc().id()));
        if (!found) {
          findings.add(
              "no planned ingress TCP "
                  + in.port()
                  + " from "
                  + cidr
                  + " into "
                  + in.vpc().name()
                  + " ("
                  + in.why()
                  + ")");
        }
      }
    }
  }

  private void routes() {
    List<ResourceChange> all = created("aws_route");
    for (Expectations.Route r : expected.routes()) {
      List<ResourceChange> match =
          all.stream()
              .filter(rc -> r.routeTableId().equals(rc.afterText("route_table_id")))
              .filter(rc -> r.destination().equals(rc.afterText("destination_cidr_block")))
              .collect(Collectors.toList());
      if (match.size() != 1) {
        findings.add(
            "expected one route "
                + r.routeTableId()
                + " -> "
                + r.destination()
                + " ("
                + r.why()
                + "), plan has "
                + match);
        continue;
      }
      ResourceChange rc = match.get(0);
      if (r.via().equals("peering")
          && rc.afterText("vpc_peering_connection_id") == null
          && !rc.isUnknown("vpc_peering_connection_id")) {
        findings.add(
            rc.address() + ": route to " + r.destination() + " is not through a VPC peering");
      }
      if (r.via().equals("transit_gateway")
          && r.transitGatewayId() != null
          && !r.transitGatewayId().equals(rc.afterText("transit_gateway_id"))) {
        findings.add(
            rc.address()
                + ": route to "
                + r.destination()
                + " goes to "
                + rc.afterText("transit_gateway_id")
                + ", want "
                + r.transitGatewayId());
      }
    }
  }

  private void tgwPeerings() {
    List<ResourceChange> attachments = created("aws_ec2_transit_gateway_peering_attachment");
    List<ResourceChange> tgwRoutes = created("aws_ec2_transit_gateway_route");
    for (Expectations.TgwPeering p : expected.tgwPeerings()) {
      long matching =
          attachments.stream()
              .filter(
                  rc ->
                      Set.of(p.tgwA().id(), p.tgwB().id())
                          .equals(
                              Set.of(
                                  String.valueOf(rc.afterText("transit_gateway_id")),
                                  String.valueOf(rc.afterText("peer_transit_gateway_id")))))
              .count();
      if (matching != 1) {
        findings.add(
            "expected one TGW peering attachment between "
                + p.tgwA().id()
                + " and "
                + p.tgwB().id()
                + " ("
                + p.why()
                + "), plan has "
                + matching);
      }
      if (created("aws_ec2_transit_gateway_peering_attachment_accepter").isEmpty()) {
        findings.add("no TGW peering attachment accepter (" + p.why() + ")");
      }
      tgwRoutesTo(tgwRoutes, p.tgwA(), p.b(), p.why());
      tgwRoutesTo(tgwRoutes, p.tgwB(), p.a(), p.why());
    }
  }

  private void tgwRoutesTo(
      List<ResourceChange> tgwRoutes,
      TopologyTree.TransitGateway from,
      TopologyTree.Vpc to,
      String why) {
    for (String cidr : to.cidrs()) {
      boolean found =
          tgwRoutes.stream()
              .anyMatch(
                  rc ->
                      from.routeTableId().equals(rc.afterText("transit_gateway_route_table_id"))
                          && cidr.equals(rc.afterText("destination_cidr_block"))
                          && !"true".equals(rc.afterText("blackhole")));
      if (!found) {
        findings.add(
            "no static TGW route in "
                + from.routeTableId()
                + " to "
                + cidr
                + " of "
                + to.name()
                + " ("
                + why
                + ")");
      }
    }
  }

  private void templates() {
    List<ResourceChange> all = created("aws_drs_replication_configuration_template");
    for (Expectations.Template t : expected.templates()) {
      List<ResourceChange> match =
          all.stream()
              .filter(
                  rc -> t.staging().stagingSubnetId().equals(rc.afterText("staging_area_subnet_id")))
              .collect(Collectors.toList());
      if (match.size() != 1) {
        findings.add(
            "expected one DRS replication template in staging subnet "
                + t.staging().stagingSubnetId()
                + " ("
                + t.why()
                + "), plan has "
                + describe(all, "staging_area_subnet_id"));
        continue;
      }
      ResourceChange rc = match.get(0);
      if (!"PRIVATE_IP".equals(rc.afterText("data_plane_routing"))) {
        findings.add(
            rc.address()
                + ": data_plane_routing "
                + rc.afterText("data_plane_routing")
                + ", want PRIVATE_IP");
      }
      if (!"false".equals(rc.afterText("create_public_ip"))) {
        findings.add(
            rc.address()
                + ": create_public_ip "
                + rc.afterText("create_public_ip")
                + ", want false");
      }
    }
    if (all.size() != expected.templates().size()) {
      findings.add(
          "plan creates "
              + all.size()
              + " DRS replication templates, topology calls for "
              + expected.templates().size());
    }
  }

  /** An ingress rule as any of the three resource shapes the provider offers plans it. */
  record Rule(int from, int to, String protocol, Set<String> cidrs, String vpcId) {
    boolean allows(int port, String cidr, String vpc) {
      boolean proto = protocol.equals("tcp") || protocol.equals("6") || protocol.equals("-1");
      boolean inVpc = vpcId == null || vpcId.equals(vpc);
      return proto && from <= port && port <= to && cidrs.contains(cidr) && inVpc;
    }
  }

  private List<Rule> ingressRules() {
    List<Rule> rules = new ArrayList<>();
    for (ResourceChange sg : created("aws_security_group")) {
      for (JsonNode in : sg.after("ingress")) {
        rules.add(
            new Rule(
                in.path("from_port").asInt(),
                in.path("to_port").asInt(),
                in.path("protocol").asText().toLowerCase(Locale.ROOT),
                texts(in.path("cidr_blocks")),
                sg.afterText("vpc_id")));
      }
    }
    for (ResourceChange r : created("aws_vpc_security_group_ingress_rule")) {
      rules.add(
          new Rule(
              r.after("from_port").asInt(),
              r.after("to_port").asInt(),
              String.valueOf(r.afterText("ip_protocol")).toLowerCase(Locale.ROOT),
              r.afterText("cidr_ipv4") == null ? Set.of() : Set.of(r.afterText("cidr_ipv4")),
              null));
    }
    for (ResourceChange r : created("aws_security_group_rule")) {
      if ("ingress".equals(r.afterText("type"))) {
        rules.add(
            new Rule(
                r.after("from_port").asInt(),
                r.after("to_port").asInt(),
                String.valueOf(r.afterText("protocol")).toLowerCase(Locale.ROOT),
                texts(r.after("cidr_blocks")),
                null));
      }
    }
    return rules;
  }

  private Set<TopologyTree.Vpc> vpcsInvolved() {
    Set<TopologyTree.Vpc> out = new java.util.LinkedHashSet<>();
    expected.zones().forEach(z -> out.addAll(z.associated()));
    expected.zones().forEach(z -> out.addAll(z.forbidden()));
    return out;
  }

  private List<String> zonesFor(TopologyTree.Vpc v) {
    return expected.zones().stream()
        .filter(z -> z.associated().contains(v))
        .map(Expectations.Zone::domain)
        .collect(Collectors.toList());
  }

  private List<ResourceChange> created(String type) {
    return plan.ofType(type).stream()
        .filter(rc -> rc.actions().contains("create"))
        .collect(Collectors.toList());
  }

  private static List<ResourceChange> zonesNamed(List<ResourceChange> zones, String domain) {
    return zones.stream()
        .filter(rc -> domain.equals(dns(rc.afterText("name"))))
        .collect(Collectors.toList());
  }

  private static Set<String> vpcIdsOf(ResourceChange zone) {
    Set<String> ids = new HashSet<>();
    zone.after("vpc").forEach(v -> ids.add(v.path("vpc_id").asText()));
    return ids;
  }

  /** DNS names compare without the trailing dot and case. */
  static String dns(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  private static Set<String> texts(JsonNode n) {
    Set<String> out = new HashSet<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static String describe(List<ResourceChange> rcs, String... attrs) {
    return rcs.stream()
        .map(
            rc -> {
              StringBuilder b = new StringBuilder(rc.address()).append('{');
              for (String a : attrs) {
                b.append(a).append('=').append(rc.afterText(a)).append(' ');
              }
              return b.toString().trim() + '}';
            })
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
