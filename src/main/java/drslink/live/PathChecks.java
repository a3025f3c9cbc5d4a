package drslink.live;

import drslink.diag.SourceLocation;
import drslink.model.Connectivity;
import drslink.model.DrsTemplateSites;
import drslink.model.Replication;
import drslink.model.derived.ReplicationModel;
import drslink.model.ExistingLink;
import drslink.model.Located;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code drslink verify}: after apply, proves each private path of the topology hop by hop in the live
 * account, since AWS's Reachability Analyzer stays inside one region. For every source (VPC or
 * on-premises network) and the region it replicates (or fails back) into: the source VPC asks the Route 53
 * Resolver (DNS support, DHCP servers, no forwarding rule for the names); the names resolve through zones
 * associated with it whose aliases point at the live endpoints; drslink's endpoints are available in their
 * subnets; routes go both ways over the link's own peering or transit gateway (whose association, zones
 * and routes are read too); each endpoint's groups admit 443 and the replication group 1500; network ACLs
 * let both and the return traffic through; the staging subnet has a way to the EC2 API; and the region's
 * DRS template and every source server use the staging subnet, drslink's group, PRIVATE_IP and no public IP. docs/live-checks.md
 * lists the codes.
 */
final class PathChecks {
  static final int HTTPS = 443;
  static final int REPLICATION = 1500;

  private final LivePaths paths;
  private final Cloud cloud;
  private final Findings findings = new Findings();
  /** Checks that are the same for several paths (an endpoint, a NACL rule) are made once. */
  private final Set<String> done = new HashSet<>();

  PathChecks(LivePaths paths, Cloud cloud) {
    this.paths = paths;
    this.cloud = cloud;
  }

  Findings run() {
    for (LivePaths.Path p : paths.paths()) {
      findings.attempt(() -> path(p));
    }
    for (DrsTemplateSites.Site site : paths.templateSites()) {
      findings.attempt(() -> template(site));
      findings.attempt(() -> sourceServers(site));
      findings.attempt(() -> recoveryLaunch(site));
      findings.attempt(() -> stagingEgress(site));
    }
    for (ReplicationModel.Hub hub : paths.model().hubs().values()) {
      if (!hub.resolverClients().isEmpty()) {
        findings.attempt(() -> inboundResolver(hub));
      }
      hub.recoveryClients().forEach((recovery, cidrs) -> findings.attempt(() -> failbackClientRule(hub, hub.stagingVpcs().get(recovery), cidrs)));
    }
    return findings;
  }

  private boolean once(String key) {
    return done.add(key);
  }

  private boolean exists(Vpc vpc) {
    if (cloud.vpc(paths.place(vpc), vpc.id().value()).isPresent()) {
      return true;
    }
    if (once("vpc|" + vpc.nameValue())) {
      findings.error("VER010", vpc.region(), vpc.id().value(), vpc.id().at(), "VPC " + vpc.nameValue() + " does not exist in " + paths.place(vpc), "fix the id or run `drslink preflight` first");
    }
    return false;
  }

  private void path(LivePaths.Path p) {
    Vpc from = p.from(); // null for an on-premises source
    if ((from != null && !exists(from)) || !exists(p.hub()) || !exists(p.staging())) {
      return;
    }
    Map<String, Cloud.Endpoint> endpoints = endpoints(p);
    if (from != null) {
      resolverSettings(from);
      dns(p, endpoints);
    }
    Map<String, String> endpointSubnets = subnetCidrs(p.hub(), p.hub().endpointSubnetIds());
    Map<String, String> stagingSubnet = p.staging().stagingSubnetId() == null ? Map.of() : subnetCidrs(p.staging(), List.of(p.staging().stagingSubnetId()));
    if (!p.hub().equals(from)) {
      if (from != null) {
        routesOut(p, p.hub(), endpointSubnets);
      }
      routesBack(p, p.hub(), endpointSubnets.keySet());
    }
    if (!p.staging().equals(from)) {
      if (from != null) {
        routesOut(p, p.staging(), stagingSubnet);
      }
      routesBack(p, p.staging(), stagingSubnet.keySet());
    }
    securityGroups(p, endpoints);
    networkAcls(p, endpointSubnets, stagingSubnet);
    if (from == null) {
      return;
    }
    List<String> fromSubnets = cloud.subnets(paths.place(from), from.id().value()).stream().map(Cloud.SubnetInfo::id).toList();
    if (!from.equals(p.hub())) {
      transit(p, from, fromSubnets, false, p.hub());
      transit(p, p.hub(), p.hub().endpointSubnetIds().stream().map(Located::value).toList(), true, from);
    }
    if (!from.equals(p.staging()) && p.staging().stagingSubnetId() != null) {
      transit(p, from, fromSubnets, false, p.staging());
      transit(p, p.staging(), List.of(p.staging().stagingSubnetId().value()), true, from);
    }
  }

  /**
   * A transit_gateway link, from {@code vpc}'s side towards {@code peer}: the VPC attachment is associated
   * with the link's route table (traffic from an attachment is routed by the table it is associated with,
   * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html); it has a subnet in every Availability
   * Zone of the path's subnets (resources in a zone without one cannot reach the gateway,
   * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html); and the route table has an active
   * route to each CIDR of the peer. {@code required}: the subnets are the path's endpoint or staging subnets
   * (an uncovered zone is an error); else the source VPC's subnets (a warning: agents may not run there).
   */
  private void transit(LivePaths.Path p, Vpc vpc, List<String> subnets, boolean required, Vpc peer) {
    Optional<TransitGatewayLink> link = paths.topology().connectivity().stream()
        .filter(c -> c instanceof TransitGatewayLink && names(c).containsAll(List.of(vpc.nameValue(), peer.nameValue())))
        .map(c -> (TransitGatewayLink) c)
        .findFirst();
    TransitGatewaySide side = link.map(l -> l.gateways().get(vpc.region())).orElse(null);
    if (side == null || side.attachmentId() == null || side.routeTableId() == null) {
      return;
    }
    Cloud.Place place = paths.place(vpc);
    String attachmentId = side.attachmentId().value();
    String table = side.routeTableId().value();
    if (once("tgw-attachment|" + attachmentId)) {
      Optional<Cloud.TgwAttachment> attachment = cloud.tgwAttachment(place, attachmentId);
      if (attachment.isEmpty()) {
        findings.error("VER015", vpc.region(), attachmentId, side.attachmentId().at(), "transit gateway attachment " + attachmentId + " of VPC " + vpc.nameValue() + " does not exist in " + place, "fix attachment_id");
        return;
      }
      if (!table.equals(attachment.get().associatedRouteTableId())) {
        findings.error(
            "VER015", vpc.region(), attachmentId, side.routeTableId().at(),
            "transit gateway attachment " + attachmentId + " of VPC " + vpc.nameValue() + " is associated with " + (attachment.get().associatedRouteTableId() == null ? "no route table" : attachment.get().associatedRouteTableId()) + ", not with the link's " + table + ": its traffic is not routed by the routes drslink made",
            "aws ec2 associate-transit-gateway-route-table --transit-gateway-route-table-id " + table + " --transit-gateway-attachment-id " + attachmentId + " (after disassociating the other), or fix route_table_id");
      } else {
        findings.pass(vpc.region());
      }
    }
    Optional<Cloud.TgwAttachment> attachment = cloud.tgwAttachment(place, attachmentId);
    if (attachment.isEmpty()) {
      return;
    }
    Set<String> covered = new HashSet<>();
    attachment.get().subnetIds().forEach(id -> cloud.subnet(place, id).ifPresent(sub -> covered.add(sub.availabilityZone())));
    for (String subnetId : subnets) {
      Optional<Cloud.SubnetInfo> sub = cloud.subnet(place, subnetId);
      if (sub.isEmpty() || !once("tgw-az|" + attachmentId + "|" + subnetId)) {
        continue;
      }
      if (covered.contains(sub.get().availabilityZone())) {
        findings.pass(vpc.region());
        continue;
      }
      String message = "transit gateway attachment " + attachmentId + " of VPC " + vpc.nameValue() + " has no subnet in " + sub.get().availabilityZone() + ", so subnet " + subnetId + " there cannot reach the transit gateway (" + p.what() + ")";
      String hint = "add a subnet in " + sub.get().availabilityZone() + " to the attachment (aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id " + attachmentId + " --add-subnet-ids SUBNET)";
      if (required) {
        findings.error("VER015", vpc.region(), attachmentId, side.attachmentId().at(), message, hint);
      } else {
        findings.warning("VER015", vpc.region(), attachmentId, side.attachmentId().at(), message, hint);
      }
    }
    List<Cloud.Route> routes = cloud.tgwRoutes(place, table);
    for (String cidr : peer.cidrValues()) {
      if (!once("tgw-route|" + table + "|" + cidr)) {
        continue;
      }
      Cloud.RouteTable asTable = new Cloud.RouteTable(table, null, false, List.of(), routes);
      Optional<Cloud.Route> route = Traffic.route(asTable, cidr);
      if (route.isPresent() && "active".equalsIgnoreCase(route.get().state()) && !route.get().target().equals("blackhole") && !route.get().target().equals(attachmentId)) {
        findings.pass(vpc.region());
      } else {
        String why = route.isEmpty() ? "" : route.get().target().equals(attachmentId) ? " (" + route.get().destination() + " goes back to " + vpc.nameValue() + "'s own attachment)" : " (" + route.get().destination() + " is " + route.get().state() + ")";
        findings.error(
            "VER015", vpc.region(), table, side.routeTableId().at(),
            "transit gateway route table " + table + " has no active route to " + peer.nameValue() + " " + cidr + why + " (" + p.what() + ")",
            "apply the generated root to restore the transit gateway route");
      }
    }
    if (!vpc.region().equals(peer.region())) {
      ownRoutes(p, vpc, side, routes, peer);
    }
  }

  /**
   * The way in over a transit gateway peering: drslink associates the peering attachment with the link's route
   * table (modules/tgw-peering), so traffic from {@code peer} arriving here is routed by that table, which must send
   * each CIDR of {@code vpc} to the VPC's own attachment. Peering attachments do not propagate, so that route is the
   * VPC attachment's propagation into the table or a static route to it (route propagation, static routes:
   * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html); a more specific route elsewhere takes part of
   * the CIDR away (longest prefix match, https://docs.aws.amazon.com/vpc/latest/tgw/how-transit-gateways-work.html).
   */
  private void ownRoutes(LivePaths.Path p, Vpc vpc, TransitGatewaySide side, List<Cloud.Route> routes, Vpc peer) {
    String table = side.routeTableId().value();
    String attachmentId = side.attachmentId().value();
    Cloud.RouteTable asTable = new Cloud.RouteTable(table, null, false, List.of(), routes);
    for (String cidr : vpc.cidrValues()) {
      if (!once("tgw-own|" + table + "|" + cidr)) {
        continue;
      }
      Optional<Cloud.Route> route = Traffic.route(asTable, cidr);
      List<String> wrong = new ArrayList<>();
      if (route.isEmpty()) {
        wrong.add("no route");
      } else if (!tgwRouteTo(route.get(), attachmentId)) {
        wrong.add(describeTgwRoute(route.get()));
      }
      for (Cloud.Route r : Traffic.moreSpecific(asTable, cidr)) {
        if (!tgwRouteTo(r, attachmentId)) {
          wrong.add(describeTgwRoute(r));
        }
      }
      if (wrong.isEmpty()) {
        findings.pass(vpc.region());
        continue;
      }
      findings.error(
          "VER015", vpc.region(), table, side.routeTableId().at(),
          "transit gateway route table " + table + " does not send " + vpc.nameValue() + " " + cidr + " to its attachment " + attachmentId + " (" + String.join("; ", wrong) + "): traffic from " + peer.nameValue()
              + " that arrives over the transit gateway peering cannot reach " + vpc.nameValue() + " (" + p.what() + ")",
          "propagate the attachment into the table (aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id " + table + " --transit-gateway-attachment-id " + attachmentId
              + "), or add a static route (aws ec2 create-transit-gateway-route --transit-gateway-route-table-id " + table + " --destination-cidr-block " + cidr + " --transit-gateway-attachment-id " + attachmentId + ")");
    }
  }

  private static boolean tgwRouteTo(Cloud.Route r, String attachmentId) {
    return "active".equalsIgnoreCase(r.state()) && attachmentId.equals(r.target());
  }

  private static String describeTgwRoute(Cloud.Route r) {
    boolean blackhole = "blackhole".equalsIgnoreCase(r.state()) || "blackhole".equals(r.target());
    return r.destination() + (blackhole ? " is a blackhole" : " goes to " + r.target());
  }

  /** The interface endpoints for DRS and S3 in the hub, by service name; missing or unavailable ones are findings. */
  private Map<String, Cloud.Endpoint> endpoints(LivePaths.Path p) {
    Map<String, Cloud.Endpoint> out = new LinkedHashMap<>();
    boolean report = once("endpoints|" + p.hub().nameValue());
    for (String service : paths.serviceNames(p.region())) {
      Optional<Cloud.Endpoint> found = ownEndpoint(p, service);
      if (found.isEmpty()) {
        if (report) {
          findings.error("VER003", p.region(), p.hub().id().value(), p.hub().id().at(), "no interface endpoint for " + service + " in VPC " + p.hub().nameValue(), "apply the generated root (module." + paths.model().hub(p.region()).map(h -> h.endpointsLabel()).orElse("endpoints") + ")");
        }
        continue;
      }
      Cloud.Endpoint e = found.get();
      out.put(service, e);
      if (!report) {
        continue;
      }
      if (!"available".equalsIgnoreCase(e.state())) {
        findings.error("VER003", p.region(), e.id(), p.hub().id().at(), "endpoint " + e.id() + " for " + service + " is " + e.state() + ", not available", "wait for it, or look at the endpoint in the VPC console");
      } else {
        findings.pass(p.region());
      }
      for (Located<String> subnet : p.hub().endpointSubnetIds()) {
        if (!e.subnetIds().contains(subnet.value())) {
          findings.error("VER003", p.region(), e.id(), subnet.at(), "endpoint " + e.id() + " for " + service + " has no network interface in subnet " + subnet.value(), "apply the generated root; the endpoint's subnets were changed outside it");
        }
      }
    }
    return out;
  }

  /**
   * The hub's live interface endpoints for a service. AWS allows several per service in a VPC and keeps
   * listing deleted ones for a while (https://docs.aws.amazon.com/vpc/latest/privatelink/delete-interface-endpoint.html):
   * states deleted, deleting, failed, rejected and expired serve nothing and are left out.
   */
  private List<Cloud.Endpoint> interfaceEndpoints(LivePaths.Path p, String service) {
    return cloud.endpoints(paths.place(p.hub()), p.hub().id().value()).stream()
        .filter(e -> e.serviceName().equals(service) && "interface".equalsIgnoreCase(e.type()) && !e.gone())
        .toList();
  }

  /** drslink's own endpoint for the service (its DrslinkTopology tag); else, for roots applied before tags, the first live one. */
  private Optional<Cloud.Endpoint> ownEndpoint(LivePaths.Path p, String service) {
    List<Cloud.Endpoint> live = interfaceEndpoints(p, service);
    return live.stream().filter(e -> ours(e.tags())).findFirst().or(() -> live.stream().findFirst());
  }

  /** drslink's resources carry DrslinkTopology = the topology's name through the provider's default_tags (templates/main.tf.ftl). */
  private boolean ours(Map<String, String> tags) {
    return paths.topology().name().value().equals(tags.get("DrslinkTopology"));
  }

  /**
   * The source VPC asks the Route 53 Resolver, which answers from the private zones: DNS support must be on
   * (https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html), and a DHCP option set with
   * other DNS servers sends instances elsewhere, where the private zones do not answer
   * (https://docs.aws.amazon.com/vpc/latest/userguide/DHCPOptionSetConcepts.html,
   * https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html).
   */
  private void resolverSettings(Vpc vpc) {
    if (!once("resolver|" + vpc.nameValue())) {
      return;
    }
    Cloud.Place place = paths.place(vpc);
    Optional<Cloud.VpcInfo> info = cloud.vpc(place, vpc.id().value());
    if (info.isEmpty()) {
      return;
    }
    if (!info.get().dnsSupport()) {
      findings.error(
          "VER012", vpc.region(), vpc.id().value(), vpc.id().at(), "VPC " + vpc.nameValue() + " has DNS support (enableDnsSupport) off: the Route 53 Resolver does not answer there, so no private zone does",
          "aws ec2 modify-vpc-attribute --vpc-id " + vpc.id().value() + " --enable-dns-support");
    } else {
      findings.pass(vpc.region());
    }
    String dhcp = info.get().dhcpOptionsId();
    if (dhcp == null || dhcp.equals("default")) {
      return;
    }
    List<String> servers = cloud.dhcpDnsServers(place, dhcp);
    List<String> others = servers.stream().filter(srv -> !srv.equalsIgnoreCase("AmazonProvidedDNS")).toList();
    if (others.isEmpty()) {
      findings.pass(vpc.region());
      return;
    }
    String message = "VPC " + vpc.nameValue() + " uses DHCP options " + dhcp + " with DNS servers " + String.join(", ", servers) + ": instances asking them do not see drslink's private zones unless those servers forward drs and s3 names to the VPC resolver";
    // The names to forward are those of the regions the VPC replicates or fails back to, not its own region's.
    List<String> names =
        paths.paths().stream().filter(q -> vpc.equals(q.from())).map(LivePaths.Path::region).distinct().flatMap(r -> paths.zoneNames(r).stream()).map(PathChecks::stripDot).toList();
    String hint = "forward " + String.join(" and ", names) + " from those servers to the Route 53 Resolver (an inbound endpoint), or use AmazonProvidedDNS";
    if (others.size() < servers.size()) {
      findings.warning("VER013", vpc.region(), dhcp, vpc.id().at(), message, hint);
    } else {
      findings.error("VER013", vpc.region(), dhcp, vpc.id().at(), message, hint);
    }
  }

  /** Both names resolve in the source VPC through a zone associated with it, aliased to the live endpoint. */
  private void dns(LivePaths.Path p, Map<String, Cloud.Endpoint> endpoints) {
    List<Cloud.ZoneRef> zones = cloud.zonesOf(paths.place(p.from()), p.from().id().value());
    List<String> names = paths.zoneNames(p.region());
    List<String> services = paths.serviceNames(p.region());
    List<Cloud.ResolverRule> rules = cloud.resolverRules(paths.place(p.from()), p.from().id().value());
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      forwardingRule(p, name, rules);
      List<Cloud.ZoneRef> matching = zones.stream().filter(z -> normal(z.name()).equals(normal(name))).toList();
      String where = p.what() + ", " + p.from().nameValue() + " -> " + p.region();
      if (matching.isEmpty()) {
        findings.error(
            "VER001", p.from().region(), p.from().id().value(), p.from().id().at(), "VPC " + p.from().nameValue() + " is not associated with a private zone " + stripDot(name) + " (" + where + "): agents there resolve the public address",
            "apply the generated root (module.dns_" + p.region().replace('-', '_') + "_" + p.from().nameValue() + "), or associate the zone with the VPC");
        continue;
      }
      Cloud.ZoneRef zone = matching.get(0);
      Cloud.Endpoint endpoint = endpoints.get(services.get(i));
      if (endpoint == null) {
        continue; // VER003 says the endpoint is missing
      }
      List<String> wanted = new ArrayList<>(List.of(name));
      if (name.startsWith("s3.")) {
        wanted.add("*." + name);
      }
      // Any interface endpoint of the service in the hub serves the name: a VPC may hold more than one (AWS allows it),
      // and the zone aliases the one drslink created, which need not be the first DescribeVpcEndpoints lists.
      String service = services.get(i);
      Set<String> targets = new HashSet<>();
      interfaceEndpoints(p, service).forEach(e -> e.dnsNames().forEach(d -> targets.add(normal(d))));
      // The zone's owner reads its records: across accounts that is not the source VPC's account.
      List<Cloud.RecordSet> records = cloud.records(paths.zoneOwner(zone, paths.place(p.from())), zone.id());
      for (String recordName : wanted) {
        Optional<Cloud.RecordSet> alias = records.stream().filter(r -> normal(r.name()).equals(normal(recordName)) && r.type().equals("A")).findFirst();
        if (alias.isEmpty() || alias.get().aliasTarget() == null) {
          findings.error("VER002", p.region(), zone.id(), p.hub().id().at(), "zone " + stripDot(name) + " (" + zone.id() + ") has no alias A record " + stripDot(recordName) + " (" + where + ")", "apply the generated root; the record was removed outside it");
        } else if (!targets.contains(normal(alias.get().aliasTarget()))) {
          findings.error(
              "VER002", p.region(), zone.id(), p.hub().id().at(), "record " + stripDot(recordName) + " in zone " + zone.id() + " points at " + stripDot(alias.get().aliasTarget()) + ", not at endpoint " + endpoint.id() + " (" + where + ")",
              "apply the generated root so the alias names the live endpoint");
        } else {
          findings.pass(p.region());
        }
      }
    }
  }

  /**
   * A Resolver forwarding rule for exactly the zone's name, associated with the source VPC, sends the
   * queries to other resolvers instead of the private zone: of a rule and a private zone for the same
   * name, the rule wins (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html,
   * "Private hosted zones and Route 53 Resolver rules"). A rule for a parent domain (amazonaws.com, ".")
   * is less specific than the zone and leaves its names to it
   * (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-overview-forward-vpc-to-network-domain-name-matches.html).
   */
  private void forwardingRule(LivePaths.Path p, String zoneName, List<Cloud.ResolverRule> rules) {
    Vpc from = p.from();
    if (!once("rule|" + from.nameValue() + "|" + zoneName)) {
      return;
    }
    for (Cloud.ResolverRule rule : rules) {
      if ("FORWARD".equalsIgnoreCase(rule.ruleType()) && normal(rule.domainName()).equals(normal(zoneName))) {
        findings.error(
            "VER016", from.region(), rule.id(), from.id().at(),
            "Resolver rule " + rule.id() + " forwards " + stripDot(zoneName) + " from VPC " + from.nameValue() + " to other DNS servers, so drslink's private zone of that name does not answer there (" + p.what() + ")",
            "disassociate the rule from the VPC (aws route53resolver disassociate-resolver-rule --resolver-rule-id " + rule.id() + " --vpc-id " + from.id().value() + "), or make those servers answer with the endpoint's addresses");
        return;
      }
    }
    findings.pass(from.region());
  }

  /** Route 53 answers with a trailing dot, in lower case, and writes the wildcard as \052. */
  private static String normal(String dns) {
    return stripDot(dns.replace("\\052", "*").toLowerCase(Locale.ROOT));
  }

  private static String stripDot(String dns) {
    return dns.endsWith(".") ? dns.substring(0, dns.length() - 1) : dns;
  }

  /** Live CIDRs of the subnets named in the YAML, by CIDR -> subnet id (missing subnets are verify's VER010). */
  private Map<String, String> subnetCidrs(Vpc vpc, List<Located<String>> subnets) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Located<String> s : subnets) {
      Optional<Cloud.SubnetInfo> live = cloud.subnet(paths.place(vpc), s.value());
      if (live.isPresent()) {
        out.put(live.get().cidr(), s.value());
      } else if (once("subnet|" + s.value())) {
        findings.error("VER010", vpc.region(), s.value(), s.at(), "subnet " + s.value() + " of VPC " + vpc.nameValue() + " does not exist", "fix the subnet id");
      }
    }
    return out;
  }

  /**
   * The tables that carry the path in a VPC: those the YAML lists under route_table_ids, and every table
   * that routes one of the subnets (its explicit association, else the main table).
   */
  private List<Cloud.RouteTable> tablesOfSubnets(Vpc vpc, List<String> subnetIds) {
    List<Cloud.RouteTable> tables = cloud.routeTables(paths.place(vpc), vpc.id().value());
    List<Cloud.RouteTable> out = new ArrayList<>();
    for (Located<String> listed : vpc.routeTableIds()) {
      tables.stream().filter(t -> t.id().equals(listed.value())).findFirst().ifPresent(out::add);
    }
    for (String s : subnetIds) {
      Traffic.tableOf(s, tables).filter(t -> !out.contains(t)).ifPresent(out::add);
    }
    return out;
  }

  /** Every table of the source VPC's subnets routes the far VPC's subnets over the link. */
  private void routesOut(LivePaths.Path p, Vpc far, Map<String, String> destinations) {
    Vpc from = p.from();
    List<String> subnets = cloud.subnets(paths.place(from), from.id().value()).stream().map(Cloud.SubnetInfo::id).toList();
    for (Cloud.RouteTable table : tablesOfSubnets(from, subnets)) {
      for (String destination : destinations.keySet()) {
        route(p, from, far, table, destination, "to " + destinationName(p, destinations.get(destination)));
      }
    }
  }

  private String destinationName(LivePaths.Path p, String subnetId) {
    return (p.staging().stagingSubnetId() != null && p.staging().stagingSubnetId().value().equals(subnetId) ? "staging subnet " : "endpoint subnet ") + subnetId;
  }

  private void routesBack(LivePaths.Path p, Vpc vpc, java.util.Collection<String> subnetCidrs) {
    Set<String> subnetIds = new HashSet<>();
    cloud.subnets(paths.place(vpc), vpc.id().value()).stream().filter(s -> subnetCidrs.contains(s.cidr())).forEach(s -> subnetIds.add(s.id()));
    for (Cloud.RouteTable table : tablesOfSubnets(vpc, List.copyOf(subnetIds))) {
      for (String cidr : p.sourceCidrs()) {
        route(p, vpc, p.from(), table, cidr, "back to " + p.sourceName() + " " + cidr);
      }
    }
  }

  /**
   * One route check: the route AWS uses for {@code destination} (longest prefix) and every more specific
   * route inside it must be active and go over the link between {@code vpc} and {@code peer}. Tables the
   * YAML lists are errors when they fail, others (still in the path) warnings.
   */
  private void route(LivePaths.Path p, Vpc vpc, Vpc peer, Cloud.RouteTable table, String destination, String what) {
    if (!once("route|" + table.id() + "|" + destination + "|" + (peer == null ? "on-premises" : peer.nameValue()))) {
      return;
    }
    Optional<Cloud.Route> route = Traffic.route(table, destination);
    List<String> problems = new ArrayList<>();
    if (route.isEmpty()) {
      problems.add("has no route " + what + " (" + destination + ")");
    } else {
      hopProblem(vpc, peer, route.get()).ifPresent(why -> problems.add("routes " + what + " (" + destination + ") to " + route.get().target() + " (" + route.get().state() + ")" + via(route.get()) + ", " + why));
    }
    for (Cloud.Route part : Traffic.moreSpecific(table, destination)) {
      hopProblem(vpc, peer, part).ifPresent(why -> problems.add("sends part of it, " + part.destination() + via(part) + ", to " + part.target() + " (" + part.state() + "), " + why));
    }
    if (problems.isEmpty()) {
      findings.pass(vpc.region());
      return;
    }
    Optional<Located<String>> listed = vpc.routeTableIds().stream().filter(r -> r.value().equals(table.id())).findFirst();
    for (String problem : problems) {
      String message = "route table " + table.id() + " of VPC " + vpc.nameValue() + " " + (problem.startsWith("sends") ? "routes " + what + " (" + destination + ") but " : "") + problem + " (" + p.what() + ")";
      if (listed.isPresent()) {
        findings.error("VER004", vpc.region(), table.id(), listed.get().at(), message, "apply the generated root to restore the route");
      } else {
        findings.warning("VER004", vpc.region(), table.id(), vpc.id().at(), message + "; the table is not in route_table_ids", "add " + table.id() + " to route_table_ids of VPC " + vpc.nameValue() + " and regenerate");
      }
    }
  }

  private static String via(Cloud.Route r) {
    return r.prefixList() == null ? "" : " (prefix list " + r.prefixList() + ")";
  }

  /**
   * Why a route does not carry the path from {@code vpc} to {@code peer}, or empty when it does: it must be
   * active, private, and go over the link the topology names between the two: the peering connection
   * joining these two VPCs, or the transit gateway the topology names in this region. Other links
   * (existing ones, or none between these two) accept any private target.
   */
  private Optional<String> hopProblem(Vpc vpc, Vpc peer, Cloud.Route r) {
    if (!Traffic.privateAndActive(r)) {
      return Optional.of("not over a private link");
    }
    if (peer == null) {
      // On-premises networks are reached through a virtual private gateway (VPN, Direct Connect private VIF),
      // a transit gateway, or a Cloud WAN core network (https://docs.aws.amazon.com/vpn/latest/s2svpn/SetUpVPNConnections.html,
      // https://docs.aws.amazon.com/directconnect/latest/UserGuide/direct-connect-gateways-intro.html).
      String t = r.target();
      return t.startsWith("vgw-") || t.startsWith("tgw-") || t.startsWith("arn:") ? Optional.empty() : Optional.of("not a virtual private gateway or transit gateway towards on-premises");
    }
    if (vpc.equals(peer)) {
      return r.target().equals("local") ? Optional.empty() : Optional.of("not local");
    }
    Optional<Connectivity> link = paths.topology().connectivity().stream().filter(c -> c.vpcs().size() == 2 && names(c).containsAll(List.of(vpc.nameValue(), peer.nameValue()))).findFirst();
    if (link.isEmpty() || link.get() instanceof ExistingLink) {
      return Optional.empty();
    }
    if (link.get() instanceof VpcPeering) {
      if (!r.target().startsWith("pcx-")) {
        return Optional.of("not the VPC peering between " + vpc.nameValue() + " and " + peer.nameValue());
      }
      boolean joins = cloud.peerings(paths.place(vpc), vpc.id().value()).stream()
          .anyMatch(x -> x.id().equals(r.target()) && "active".equals(x.status()) && (peer.id().value().equals(x.requesterVpcId()) || peer.id().value().equals(x.accepterVpcId())));
      return joins ? Optional.empty() : Optional.of("which is not an active peering between " + vpc.nameValue() + " and " + peer.nameValue());
    }
    if (link.get() instanceof TransitGatewayLink tgw) {
      TransitGatewaySide side = tgw.gateways().get(vpc.region());
      if (side == null || side.id() == null || side.id().value() == null) {
        return r.target().startsWith("tgw-") ? Optional.empty() : Optional.of("not a transit gateway");
      }
      return r.target().equals(side.id().value()) ? Optional.empty() : Optional.of("not the link's transit gateway " + side.id().value());
    }
    return Optional.empty();
  }

  private static List<String> names(Connectivity c) {
    return c.vpcs().stream().map(Located::value).toList();
  }

  /** 443 is judged per endpoint over its own groups: the DRS endpoint moved to a group that admits nothing fails alone. */
  private void securityGroups(LivePaths.Path p, Map<String, Cloud.Endpoint> endpoints) {
    Vpc hub = p.hub();
    List<Cloud.SecurityGroup> hubGroups = cloud.securityGroups(paths.place(hub), hub.id().value());
    for (Map.Entry<String, Cloud.Endpoint> entry : endpoints.entrySet()) {
      Cloud.Endpoint e = entry.getValue();
      List<Cloud.SecurityGroup> groups = hubGroups.stream().filter(g -> e.securityGroupIds().contains(g.id())).toList();
      for (String cidr : p.sourceCidrs()) {
        if (!once("sg443|" + e.id() + "|" + cidr)) {
          continue;
        }
        if (groups.stream().anyMatch(g -> Traffic.admits(g, HTTPS, cidr))) {
          findings.pass(p.region());
        } else {
          findings.error(
              "VER006", p.region(), e.id(), p.sourceAt(),
              "the security groups of endpoint " + e.id() + " for " + entry.getKey() + " (" + String.join(",", e.securityGroupIds().stream().sorted().toList()) + ") do not admit TCP 443 from " + p.sourceName() + " " + cidr + " (" + p.what() + ")",
              "apply the generated root to restore the 443 rule and the endpoint's groups");
        }
      }
    }
    Optional<Cloud.SecurityGroup> replication = replicationGroup(p.staging());
    if (replication.isEmpty()) {
      if (once("sg1500-missing|" + p.staging().nameValue())) {
        findings.error("VER007", p.region(), p.staging().id().value(), p.staging().id().at(), "no drslink replication security group in VPC " + p.staging().nameValue(), "apply the generated root");
      }
      return;
    }
    for (String cidr : p.sourceCidrs()) {
      if (!once("sg1500|" + replication.get().id() + "|" + cidr)) {
        continue;
      }
      if (Traffic.admits(replication.get(), REPLICATION, cidr)) {
        findings.pass(p.region());
      } else {
        findings.error(
            "VER007", p.region(), replication.get().id(), p.sourceAt(), "replication security group " + replication.get().id() + " does not admit TCP 1500 from " + p.sourceName() + " " + cidr + " (" + p.what() + ")",
            "apply the generated root to restore the 1500 rule");
      }
    }
  }

  /** drslink's replication server group in a staging VPC: tagged with this topology and named as the model says. */
  Optional<Cloud.SecurityGroup> replicationGroup(Vpc staging) {
    return cloud.securityGroups(paths.place(staging), staging.id().value()).stream()
        .filter(g -> paths.isReplicationGroup(g.tags(), staging))
        .findFirst();
  }

  private void networkAcls(LivePaths.Path p, Map<String, String> endpointSubnets, Map<String, String> stagingSubnet) {
    Vpc from = p.from();
    if (from == null) {
      farSides(p);
      return;
    }
    List<Cloud.NetworkAcl> fromAcls = cloud.networkAcls(paths.place(from), from.id().value());
    for (Cloud.SubnetInfo s : cloud.subnets(paths.place(from), from.id().value())) {
      Optional<Cloud.NetworkAcl> acl = aclOf(s.id(), fromAcls);
      if (acl.isEmpty()) {
        continue;
      }
      endpointSubnets.keySet().forEach(cidr -> acl(p, from, acl.get(), true, HTTPS, HTTPS, cidr, "outbound TCP 443 to the endpoints " + cidr, from.id().at()));
      stagingSubnet.keySet().forEach(cidr -> acl(p, from, acl.get(), true, REPLICATION, REPLICATION, cidr, "outbound TCP 1500 to the staging subnet " + cidr, from.id().at()));
      endpointSubnets.keySet().forEach(cidr -> acl(p, from, acl.get(), false, Traffic.EPHEMERAL_FROM, Traffic.EPHEMERAL_TO, cidr, "return traffic from the endpoints " + cidr, from.id().at()));
      stagingSubnet.keySet().forEach(cidr -> acl(p, from, acl.get(), false, Traffic.EPHEMERAL_FROM, Traffic.EPHEMERAL_TO, cidr, "return traffic from the staging subnet " + cidr, from.id().at()));
    }
    farSides(p);
  }

  private void farSides(LivePaths.Path p) {
    far(p, p.hub(), p.hub().endpointSubnetIds(), HTTPS);
    if (p.staging().stagingSubnetId() != null) {
      far(p, p.staging(), List.of(p.staging().stagingSubnetId()), REPLICATION);
    }
  }

  /** The endpoint or staging side: the port in from the source CIDRs, the return traffic out to them. */
  private void far(LivePaths.Path p, Vpc vpc, List<Located<String>> subnets, int port) {
    List<Cloud.NetworkAcl> acls = cloud.networkAcls(paths.place(vpc), vpc.id().value());
    for (Located<String> subnet : subnets) {
      Optional<Cloud.NetworkAcl> acl = aclOf(subnet.value(), acls);
      if (acl.isEmpty()) {
        continue;
      }
      for (String cidr : p.sourceCidrs()) {
        acl(p, vpc, acl.get(), false, port, port, cidr, "inbound TCP " + port + " from " + p.sourceName() + " " + cidr + " to subnet " + subnet.value(), subnet.at());
        acl(p, vpc, acl.get(), true, Traffic.EPHEMERAL_FROM, Traffic.EPHEMERAL_TO, cidr, "return traffic to " + p.sourceName() + " " + cidr + " from subnet " + subnet.value(), subnet.at());
      }
    }
  }

  /** A subnet's ACL: the one associated with it, else the VPC's default (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html). */
  private static Optional<Cloud.NetworkAcl> aclOf(String subnetId, List<Cloud.NetworkAcl> acls) {
    return acls.stream().filter(a -> a.subnetIds().contains(subnetId)).findFirst().or(() -> acls.stream().filter(Cloud.NetworkAcl::isDefault).findFirst());
  }

  private void acl(LivePaths.Path p, Vpc vpc, Cloud.NetworkAcl acl, boolean egress, int from, int to, String cidr, String what, SourceLocation at) {
    if (!once("acl|" + acl.id() + "|" + egress + "|" + from + "|" + cidr)) {
      return;
    }
    boolean returning = from == Traffic.EPHEMERAL_FROM && to == Traffic.EPHEMERAL_TO;
    Optional<Cloud.AclEntry> blocking = returning ? Traffic.blockingReturnRule(acl, egress, cidr) : Traffic.blockingRule(acl, egress, from, to, cidr);
    if (blocking.isEmpty()) {
      findings.pass(vpc.region());
    } else {
      findings.error(
          "VER008", vpc.region(), acl.id(), at, "network ACL " + acl.id() + " of VPC " + vpc.nameValue() + " blocks " + what + (returning ? " on every ephemeral range (1024-65535, 32768-65535, 49152-65535)" : "") + ": " + Traffic.describe(blocking.get()) + " (" + p.what() + ")",
          "allow it with a lower-numbered rule, or remove the deny (aws ec2 delete-network-acl-entry --network-acl-id " + acl.id() + " --rule-number " + blocking.get().ruleNumber() + (egress ? " --egress" : " --ingress") + ")");
    }
  }

  /**
   * Replication servers have no public IP (PRIVATE_IP) and must still reach the region's EC2 API (and DRS,
   * S3): https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html. So the staging subnet
   * needs a default route to a NAT gateway or a transit gateway, or, with staging_private, drslink's EC2
   * interface endpoint in the staging VPC (the DRS and S3 names already resolve to the hub's endpoints).
   */
  private void stagingEgress(DrsTemplateSites.Site site) {
    Vpc staging = site.stagingVpc();
    if (staging.stagingSubnetId() == null || !once("egress|" + staging.nameValue()) || !exists(staging)) {
      return;
    }
    Cloud.Place place = paths.place(staging);
    String subnet = staging.stagingSubnetId().value();
    Located<String> at = staging.stagingSubnetId();
    if (staging.isStagingPrivate()) {
      String ec2 = paths.endpointService(site.region(), "ec2");
      Optional<Cloud.Endpoint> endpoint = cloud.endpoints(place, staging.id().value()).stream()
          .filter(e -> e.serviceName().equals(ec2) && "interface".equalsIgnoreCase(e.type()) && "available".equalsIgnoreCase(e.state()) && e.privateDns())
          .findFirst();
      if (endpoint.isPresent()) {
        findings.pass(site.region());
      } else {
        findings.error("VER014", site.region(), staging.id().value(), at.at(), "staging_private VPC " + staging.nameValue() + " has no available EC2 interface endpoint (" + ec2 + ") with private DNS: replication servers in " + subnet + " cannot reach the EC2 API", "apply the generated root (module.private_staging_*)");
      }
      return;
    }
    List<Cloud.RouteTable> tables = cloud.routeTables(place, staging.id().value());
    Optional<Cloud.RouteTable> table = Traffic.tableOf(subnet, tables);
    Optional<Cloud.Route> out = table.flatMap(t -> Traffic.route(t, "0.0.0.0/0"));
    boolean active = out.isPresent() && (out.get().state() == null || out.get().state().equalsIgnoreCase("active"));
    String target = out.map(Cloud.Route::target).orElse("");
    if (active && (target.startsWith("nat-") || target.startsWith("tgw-"))) {
      findings.pass(site.region());
      return;
    }
    String found = out.isEmpty() ? "has no default route" : "sends 0.0.0.0/0 to " + target + " (" + out.get().state() + ")" + (target.startsWith("igw-") ? ", which needs a public IP that PRIVATE_IP replication servers do not have" : "");
    findings.error(
        "VER014", site.region(), table.map(Cloud.RouteTable::id).orElse(subnet), at.at(),
        "staging subnet " + subnet + " of VPC " + staging.nameValue() + (table.isPresent() ? " (route table " + table.get().id() + ")" : "") + " " + found + ": replication servers cannot reach the EC2 API",
        "route 0.0.0.0/0 to a NAT gateway or transit gateway, or set staging_private: true and regenerate");
  }

  /** The region's one DRS template names the staging subnet, drslink's group, PRIVATE_IP and no public IP. */
  private void template(DrsTemplateSites.Site site) {
    Vpc staging = site.stagingVpc();
    Cloud.Place place = paths.place(staging);
    SourceLocation at = settingsAt(site);
    Cloud.DrsState drs = cloud.drs(place);
    if (!drs.initialized()) {
      findings.error("VER011", site.region(), "drs", at, "DRS is not initialized in " + place, "run `aws drs initialize-service --region " + site.region() + "`, then apply");
      return;
    }
    if (drs.templates().isEmpty()) {
      findings.error("VER009", site.region(), "drs", at, "DRS in " + place + " has no replication configuration template", site.settings().managed() ? "apply the generated root" : "create the template by hand as the generated README says (manage_template: false)");
      return;
    }
    Cloud.DrsTemplate t = drs.templates().get(0);
    List<String> wrong = deviations(site, t.stagingSubnetId(), t.securityGroupIds(), t.dataPlaneRouting(), t.createPublicIp());
    if (wrong.isEmpty()) {
      findings.pass(site.region());
    } else {
      findings.error("VER009", site.region(), t.id(), at, "DRS template " + t.id() + " in " + place + " has " + String.join("; ", wrong), "apply the generated root (module.drs_settings_*) so the template is drslink's again");
    }
  }

  /**
   * Every source server of the place replicates as the template does. A server takes the template's
   * settings when it is added and keeps its own after that ("A newly added Source Server is implicitly
   * configured with the same settings defined in the Default ... settings",
   * https://docs.aws.amazon.com/drs/latest/userguide/settings.html): one added before the template, or changed
   * by hand, can send its data over public IPs while the template is right.
   */
  private void sourceServers(DrsTemplateSites.Site site) {
    Vpc staging = site.stagingVpc();
    Cloud.Place place = paths.place(staging);
    SourceLocation at = settingsAt(site);
    for (Cloud.SourceServer server : cloud.sourceServers(place)) {
      List<String> wrong = deviations(site, server.stagingSubnetId(), server.securityGroupIds(), server.dataPlaneRouting(), server.createPublicIp());
      if (wrong.isEmpty()) {
        findings.pass(site.region());
        continue;
      }
      String name = server.id() + (server.hostname() == null ? "" : " (" + server.hostname() + ")");
      String subnet = staging.stagingSubnetId() == null ? "<staging subnet>" : staging.stagingSubnetId().value();
      Optional<Cloud.SecurityGroup> group = stagingGroup(staging);
      findings.error(
          "VER017", site.region(), server.id(), at,
          "source server " + name + " in " + place + " replicates with " + String.join("; ", wrong) + ": it keeps its own settings, not the template's",
          "aws drs update-replication-configuration --region " + site.region() + " --source-server-id " + server.id()
              + " --data-plane-routing PRIVATE_IP --no-create-public-ip --staging-area-subnet-id " + subnet
              + " --replication-servers-security-groups-ids " + group.map(Cloud.SecurityGroup::id).orElse("<drslink's replication group>"));
    }
  }

  /**
   * Each source server's recovery instance launches where its EC2 launch template's default version says, and DRS
   * uses the default subnet and security groups when it names none
   * (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html). A server belongs to the
   * replication one of whose sources holds one of its addresses; it must launch into the replication's
   * {@code recovery_subnet_id} with its {@code recovery_security_group_ids}, or, without them, at least into a
   * subnet of the target VPC. A warning: DRS replicates either way, the drill or the recovery lands elsewhere.
   */
  private void recoveryLaunch(DrsTemplateSites.Site site) {
    Cloud.Place place = paths.place(site.stagingVpc());
    for (Cloud.SourceServer server : cloud.sourceServers(place)) {
      Optional<Replication> replication = site.replications().stream().filter(r -> holdsAnAddress(r, server)).findFirst();
      Optional<Vpc> target = replication.flatMap(r -> paths.topology().vpc(r.target().value()));
      if (target.isEmpty()) {
        continue; // not a server of this topology's sources: not drslink's to judge
      }
      Replication r = replication.get();
      Vpc vpc = target.get();
      Optional<Cloud.LaunchSettings> launch = cloud.launchSettings(place, server.id());
      String subnet = launch.map(Cloud.LaunchSettings::subnetId).orElse(null);
      List<String> groups = launch.map(Cloud.LaunchSettings::securityGroupIds).orElse(List.of());
      List<String> wrong = new ArrayList<>();
      String wanted = r.recoverySubnetId() == null ? null : r.recoverySubnetId().value();
      List<String> wantedGroups = r.recoverySecurityGroupIds().stream().map(Located::value).toList();
      if (wanted != null && !wanted.equals(subnet)) {
        wrong.add(subnet == null ? "no subnet (DRS uses the default subnet) instead of " + wanted : "subnet " + subnet + " instead of " + wanted);
      } else if (wanted == null && (subnet == null || !cloud.subnet(place, subnet).map(Cloud.SubnetInfo::vpcId).orElse("").equals(vpc.id().value()))) {
        wrong.add(subnet == null ? "no subnet, so DRS uses the default subnet, not one of " + vpc.nameValue() : "subnet " + subnet + ", which is not in " + vpc.nameValue());
      }
      if (!groups.containsAll(wantedGroups)) {
        wrong.add("security groups " + groups + " without " + wantedGroups.stream().filter(g -> !groups.contains(g)).toList());
      }
      String name = server.id() + (server.hostname() == null ? "" : " (" + server.hostname() + ")");
      if (wrong.isEmpty()) {
        findings.pass(site.region());
      } else {
        String template = launch.map(Cloud.LaunchSettings::launchTemplateId).orElse("$(aws drs get-launch-configuration --region " + site.region() + " --source-server-id " + server.id() + " --query ec2LaunchTemplateID --output text)");
        String data = "{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"" + (wanted == null ? "<a subnet of " + vpc.nameValue() + ">" : wanted) + "\"" + (wantedGroups.isEmpty() ? "" : ",\"Groups\":[" + String.join(",", wantedGroups.stream().map(g -> "\"" + g + "\"").toList()) + "]") + "}]}";
        findings.warning(
            "VER018", site.region(), server.id(), r.recoverySubnetId() != null ? r.recoverySubnetId().at() : r.at(),
            "source server " + name + " of replication " + r.nameValue() + " would recover with " + String.join("; ", wrong),
            "aws ec2 create-launch-template-version --region " + site.region() + " --launch-template-id " + template + " --source-version '$Default' --launch-template-data '" + data
                + "', then make that version the default (aws ec2 modify-launch-template --default-version); the generated README has the steps");
      }
    }
  }

  private boolean holdsAnAddress(Replication r, Cloud.SourceServer server) {
    for (Located<String> source : r.sources()) {
      List<String> cidrs =
          paths.topology().vpc(source.value()).map(Vpc::cidrValues).or(() -> paths.topology().onPremises(source.value()).map(n -> n.cidrValues())).orElse(List.of());
      if (server.ips().stream().anyMatch(ip -> cidrs.stream().anyMatch(c -> Cidr.contains(c, ip + "/32")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Datacenters with {@code dns: resolver_inbound} forward the zone names to drslink's Route 53 Resolver inbound
   * endpoint in the hub (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html):
   * it must exist and be OPERATIONAL, have an ATTACHED address in each endpoint subnet (the addresses the
   * forwarders are given), and its security groups must admit TCP and UDP 53 from every forwarding network
   * ("the security group must allow inbound DNS traffic", resolver-inbound endpoint settings in the same guide).
   */
  /**
   * Failback to on-premises: "The Failback Client must be able to communicate with the Recovery instance on TCP
   * 1500" and "TCP Port 1500 inbound ... must be open on the recovery instance"
   * (https://docs.aws.amazon.com/drs/latest/userguide/failback-performing.html). drslink's recovery instance group
   * in the recovery VPC (modules/recovery-instance-security-group, tagged with the topology) admits 1500 from every
   * datacenter CIDR of a replication with failback (failback_client_cidrs).
   */
  private void failbackClientRule(ReplicationModel.Hub hub, Vpc recovery, List<String> cidrs) {
    if (recovery == null || !exists(recovery)) {
      return; // VER010
    }
    String name = paths.model().recoveryGroupName(recovery);
    Optional<Cloud.SecurityGroup> group = cloud.securityGroups(paths.place(recovery), recovery.id().value()).stream()
        .filter(g -> paths.topology().name().value().equals(g.tags().get("DrslinkTopology")) && name.equals(g.tags().get("Name")))
        .findFirst();
    String module = "module." + hub.recoveryGroupLabel(recovery.nameValue());
    if (group.isEmpty()) {
      findings.error("VER020", recovery.region(), recovery.id().value(), recovery.id().at(), "no drslink recovery instance security group " + name + " in VPC " + recovery.nameValue() + ": the Failback Client in " + String.join(", ", cidrs) + " cannot reach recovery instances on TCP 1500", "apply the generated root (" + module + ")");
      return;
    }
    for (String cidr : cidrs) {
      if (Traffic.admits(group.get(), REPLICATION, cidr)) {
        findings.pass(recovery.region());
      } else {
        findings.error("VER020", recovery.region(), group.get().id(), recovery.id().at(), "recovery instance security group " + group.get().id() + " in VPC " + recovery.nameValue() + " does not admit TCP 1500 from the Failback Client in " + cidr + ": failback to on-premises cannot pair", "apply the generated root (" + module + ") to restore the 1500 rule");
      }
    }
  }

  private void inboundResolver(ReplicationModel.Hub hub) {
    Vpc vpc = hub.vpc();
    if (!exists(vpc)) {
      return; // VER010
    }
    Cloud.Place place = paths.place(vpc);
    // The name resolver-inbound gives it (modules/resolver-inbound: the name cut to 47 characters).
    String name = paths.model().resourceName(vpc);
    String expected = name.substring(0, Math.min(47, name.length())) + "-resolver-inbound";
    Optional<Cloud.ResolverEndpoint> found = cloud.inboundResolverEndpoints(place, vpc.id().value()).stream().filter(e -> expected.equals(e.name())).findFirst();
    String clients = String.join(", ", hub.resolverClients());
    if (found.isEmpty()) {
      findings.error("VER019", hub.region(), vpc.id().value(), vpc.id().at(), "no Route 53 Resolver inbound endpoint " + expected + " in VPC " + vpc.nameValue() + ": the datacenters' DNS servers (" + clients + ") forward the DRS and S3 names to nothing", "apply the generated root (module." + hub.resolverLabel() + ")");
      return;
    }
    Cloud.ResolverEndpoint endpoint = found.get();
    List<String> wrong = new ArrayList<>();
    if (!"OPERATIONAL".equals(endpoint.status())) {
      wrong.add("status " + endpoint.status() + ", not OPERATIONAL");
    }
    for (Located<String> subnet : vpc.endpointSubnetIds()) {
      boolean attached = endpoint.addresses().stream().anyMatch(a -> a.subnetId().equals(subnet.value()) && "ATTACHED".equals(a.status()));
      if (!attached) {
        wrong.add("no attached address in subnet " + subnet.value());
      }
    }
    Map<String, Cloud.SecurityGroup> groups = new java.util.HashMap<>();
    cloud.securityGroups(place, vpc.id().value()).forEach(g -> groups.put(g.id(), g));
    for (String cidr : hub.resolverClients()) {
      for (String protocol : List.of("tcp", "udp")) {
        boolean admitted = endpoint.securityGroupIds().stream().map(groups::get).filter(java.util.Objects::nonNull).anyMatch(g -> Traffic.admits(g, protocol, 53, cidr));
        if (!admitted) {
          wrong.add("no " + protocol.toUpperCase(java.util.Locale.ROOT) + " 53 from " + cidr);
        }
      }
    }
    if (wrong.isEmpty()) {
      findings.pass(hub.region());
    } else {
      findings.error("VER019", hub.region(), endpoint.id(), vpc.id().at(), "Route 53 Resolver inbound endpoint " + endpoint.id() + " in VPC " + vpc.nameValue() + " has " + String.join("; ", wrong), "apply the generated root (module." + hub.resolverLabel() + ")");
    }
  }

  /** Where a site's DRS settings are written: its settings block, else its first replication (or failback). */
  private static SourceLocation settingsAt(DrsTemplateSites.Site site) {
    return site.settingsSource().map(r -> r.settings().at()).orElse((site.replications().isEmpty() ? site.failbacks() : site.replications()).get(0).at());
  }

  /** drslink's replication group in the staging VPC, when the VPC exists (a missing one is VER010). */
  private Optional<Cloud.SecurityGroup> stagingGroup(Vpc staging) {
    return exists(staging) ? replicationGroup(staging) : Optional.empty();
  }

  /** How replication settings differ from drslink's for a site: staging subnet, drslink's group, PRIVATE_IP, no public IP. */
  private List<String> deviations(DrsTemplateSites.Site site, String stagingSubnetId, List<String> securityGroupIds, String dataPlaneRouting, boolean createPublicIp) {
    Vpc staging = site.stagingVpc();
    List<String> wrong = new ArrayList<>();
    String subnet = staging.stagingSubnetId() == null ? null : staging.stagingSubnetId().value();
    if (subnet != null && !subnet.equals(stagingSubnetId)) {
      wrong.add("staging subnet " + stagingSubnetId + " instead of " + subnet);
    }
    Optional<Cloud.SecurityGroup> group = stagingGroup(staging);
    if (group.isPresent() && !securityGroupIds.contains(group.get().id())) {
      wrong.add("security groups " + securityGroupIds + " without drslink's " + group.get().id());
    }
    if (!"PRIVATE_IP".equals(dataPlaneRouting)) {
      wrong.add("data plane routing " + dataPlaneRouting + " instead of PRIVATE_IP");
    }
    if (createPublicIp) {
      wrong.add("public IPs on replication servers");
    }
    return wrong;
  }
}
