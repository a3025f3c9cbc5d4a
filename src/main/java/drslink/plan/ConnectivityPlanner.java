package drslink.plan;

import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import drslink.model.derived.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Peerings and transit gateway peerings with their routes; {@code existing} links create nothing.
 *
 * <p>Transit gateway links that join the same two transit gateways share one peering attachment: AWS
 * would accept a second one, but each route table holds one route per destination, so a second static
 * route to the same CIDR fails with RouteAlreadyExists. The first such link in the planner's order owns
 * the peering (a {@code tgw-peering} module, labelled as it always was, so a gateway pair with one link
 * keeps its addresses); the others use {@code tgw-peering-routes} with the owner's attachment id and
 * add only the static routes that no earlier link of the pair adds to the same table.
 */
final class ConnectivityPlanner {
  private final Topology topology;
  private final Providers providers;
  private final String prefix;
  /** Gateway pair to the link that owns its peering attachment. */
  private final Map<String, TransitGatewayLink> peeringOwners = new HashMap<>();
  /**
   * For each link that reuses another link's peering, by its instance key, the owner's attachment id. Root
   * local {@value #ATTACHMENTS}: an id that is unknown until apply must stay out of the for_each map, or
   * every value of the instance becomes unknown at plan and the module's data sources wait for apply.
   */
  private final Map<String, Hcl> attachmentsByLink = new LinkedHashMap<>();

  static final String ATTACHMENTS = "tgw_peering_attachments";

  /** Per non-owning link, the static TGW routes it adds; identity, since only this planner's links are keys. */
  private final Map<TransitGatewayLink, StaticRoutes> sharedRoutes = new IdentityHashMap<>();

  /** The CIDRs a link routes over the peering in the requester's and in the accepter's TGW route table. */
  private record StaticRoutes(List<String> inRequesterTable, List<String> inAccepterTable) {}

  /** {@code links} in the planner's order, which decides which link of a gateway pair owns its peering. */
  ConnectivityPlanner(Topology topology, Providers providers, List<Connectivity> links) {
    this.topology = topology;
    this.providers = providers;
    this.prefix = topology.name().value();
    Set<String> routed = new HashSet<>(); // "<tgw route table>|<cidr>"
    for (Connectivity link : links) {
      if (!(link instanceof TransitGatewayLink tgw) || tgw.gatewayPair().isEmpty()) {
        continue;
      }
      Vpc requester = end(link, 0);
      Vpc accepter = end(link, 1);
      StaticRoutes routes =
          new StaticRoutes(
              unrouted(routed, tgw.gateways().get(requester.region()).routeTableId().value(), accepter.cidrValues()),
              unrouted(routed, tgw.gateways().get(accepter.region()).routeTableId().value(), requester.cidrValues()));
      if (peeringOwners.putIfAbsent(tgw.gatewayPair().get(), tgw) != null) {
        sharedRoutes.put(tgw, routes);
      }
    }
  }

  private static List<String> unrouted(Set<String> routed, String table, List<String> cidrs) {
    return cidrs.stream().filter(cidr -> routed.add(table + "|" + cidr)).toList();
  }

  private Vpc end(Connectivity link, int index) {
    return topology.vpc(link.vpcs().get(index).value()).orElseThrow();
  }

  Optional<ModuleCall> plan(Connectivity link) {
    if (link instanceof ExistingLink) {
      return Optional.empty(); // also the only link an on-premises network may have
    }
    Vpc requester = topology.vpc(link.vpcs().get(0).value()).orElseThrow();
    Vpc accepter = topology.vpc(link.vpcs().get(1).value()).orElseThrow();
    if (link instanceof VpcPeering) {
      return Optional.of(peering(requester, accepter));
    }
    if (link instanceof TransitGatewayLink tgw) {
      return Optional.of(sharedRoutes.containsKey(tgw) ? sharedPeering(tgw, requester, accepter) : transitGateway(tgw, requester, accepter));
    }
    throw new AssertionError(link);
  }

  /** A sentence for the generated README. */
  String describe(Connectivity link) {
    String a = link.vpcs().get(0).value();
    String b = link.vpcs().get(1).value();
    if (link instanceof VpcPeering) {
      return a + " <-> " + b + ": VPC peering created by drslink (" + a + " requests, " + b + " accepts), with routes both ways.";
    }
    if (link instanceof TransitGatewayLink tgw && sharedRoutes.containsKey(tgw)) {
      TransitGatewayLink owner = peeringOwners.get(tgw.gatewayPair().orElseThrow());
      return a + " <-> " + b + ": the transit gateway peering of " + owner.vpcs().get(0).value() + " <-> " + owner.vpcs().get(1).value() + " (one per pair of transit gateways), with static routes to CIDRs not yet routed in the transit gateway route tables and VPC routes through the gateways.";
    }
    if (link instanceof TransitGatewayLink) {
      return a + " <-> " + b + ": transit gateway peering created by drslink, associated with both transit gateway route tables, with static routes in them and VPC routes through the gateways.";
    }
    if (link instanceof ExistingLink && (topology.onPremises(a).isPresent() || topology.onPremises(b).isPresent())) {
      return a + " <-> " + b + ": Direct Connect or VPN managed outside this configuration; drslink relies on it for TCP 443 and 1500 and on its allowed prefixes carrying the VPC's CIDR.";
    }
    if (link instanceof ExistingLink) {
      return a + " <-> " + b + ": existing link managed outside this configuration; drslink relies on it for TCP 443 and 1500.";
    }
    throw new AssertionError(link);
  }

  private ModuleCall peering(Vpc requester, Vpc accepter) {
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    ModuleGroup group =
        new ModuleGroup(
            Labels.of("peerings", req.alias(), "to", acc.alias()),
            "VPC peerings requested through " + req.reference() + " and accepted through " + acc.reference() + ", with routes both ways; one instance per link.",
            Set.of("accepter_region", "accepter_account_id", "tags"));
    String label = Labels.of("peering", requester.nameValue(), accepter.nameValue());
    String key = key(requester, accepter);
    String module = ModuleCall.addressOf(group, label, key);
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_vpc_peering_connection.this", "aws_vpc_peering_connection", "request peering " + requester.nameValue() + " -> " + accepter.nameValue()));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_vpc_peering_connection_accepter.this", "aws_vpc_peering_connection_accepter", "accept the peering in " + accepter.nameValue()));
    routes(resources, req, module + ".aws_route.requester_to_accepter", requester, accepter, "peering");
    routes(resources, acc, module + ".aws_route.accepter_to_requester", accepter, requester, "peering");
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + requester.nameValue() + "-" + accepter.nameValue())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, requester))));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, accepter))));
    arguments.add(new Argument("accepter_region", Hcl.str(accepter.region())));
    if (!providers.sameAccount(requester, accepter)) {
      arguments.add(new Argument("accepter_account_id", Hcl.str(acc.accountId())));
    }
    arguments.add(new Argument("requester_route_table_ids", Hcl.strings(values(requester.routeTableIds()))));
    arguments.add(new Argument("accepter_route_table_ids", Hcl.strings(values(accepter.routeTableIds()))));
    arguments.add(new Argument("requester_cidrs", Hcl.strings(requester.cidrValues())));
    arguments.add(new Argument("accepter_cidrs", Hcl.strings(accepter.cidrValues())));
    arguments.add(EndpointPlanner.tags());
    return new ModuleCall(
        label,
        "vpc-peering",
        "Peering " + requester.nameValue() + " (" + requester.region() + ") with " + accepter.nameValue() + " (" + accepter.region() + "), routes both ways.",
        requester.region(),
        req.accountName(),
        List.of(Map.entry("aws.requester", req.reference()), Map.entry("aws.accepter", acc.reference())),
        arguments,
        resources,
        group,
        key);
  }

  /** A link's instance key: both VPC names, which cannot contain '|'. */
  private static String key(Vpc requester, Vpc accepter) {
    return requester.nameValue() + "|" + accepter.nameValue();
  }

  private static ModuleGroup transitGatewayGroup(ProviderConfig req, ProviderConfig acc) {
    return new ModuleGroup(
        Labels.of("tgw_peerings", req.alias(), "to", acc.alias()),
        "Transit gateway peerings requested through " + req.reference() + " and accepted through " + acc.reference() + ", one per pair of transit gateways, with static routes and VPC routes; one instance per link.",
        Set.of("accepter_region", "accepter_account_id", "requester_associate_peering_attachment", "accepter_associate_peering_attachment", "tags"));
  }

  private static ModuleGroup sharedRoutesGroup(ProviderConfig req, ProviderConfig acc) {
    return new ModuleGroup(
        Labels.of("tgw_routes", req.alias(), "to", acc.alias()),
        "Routes for links whose transit gateways another link already peered, through " + req.reference() + " and " + acc.reference() + "; one instance per link.",
        Set.of("peering_attachment_id"));
  }

  /** The root local that maps each link reusing a peering to the owner's attachment id; empty when none does. */
  Optional<LocalValue> attachments() {
    return attachmentsByLink.isEmpty()
        ? Optional.empty()
        : Optional.of(new LocalValue(ATTACHMENTS, "The transit gateway peering attachment each link without its own peering routes over, by link.", new Hcl.MapOf(List.copyOf(attachmentsByLink.entrySet()))));
  }

  private ModuleCall transitGateway(TransitGatewayLink link, Vpc requester, Vpc accepter) {
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    TransitGatewaySide reqSide = link.gateways().get(requester.region());
    TransitGatewaySide accSide = link.gateways().get(accepter.region());
    ModuleGroup group = transitGatewayGroup(req, acc);
    String label = Labels.of("tgw_peering", requester.nameValue(), accepter.nameValue());
    String key = key(requester, accepter);
    String module = ModuleCall.addressOf(group, label, key);
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment.this", "aws_ec2_transit_gateway_peering_attachment", "request TGW peering " + reqSide.id().value() + " -> " + accSide.id().value()));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment_accepter.this", "aws_ec2_transit_gateway_peering_attachment_accepter", "accept the TGW peering in " + accepter.region()));
    for (String cidr : accepter.cidrValues()) {
      resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    for (String cidr : requester.cidrValues()) {
      resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route.accepter_to_requester[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    // The module skips an association that the TGW's default route table association already made (it
    // reads the TGW's options at plan time, which drslink cannot see), so these two may not be created.
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route_table_association.requester[0]", "aws_ec2_transit_gateway_route_table_association", "associate the TGW peering with " + reqSide.routeTableId().value() + " (unless it is the TGW's default association route table)"));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route_table_association.accepter[0]", "aws_ec2_transit_gateway_route_table_association", "associate the TGW peering with " + accSide.routeTableId().value() + " (unless it is the TGW's default association route table)"));
    routes(resources, req, module + ".aws_route.requester_to_accepter", requester, accepter, "transit gateway");
    routes(resources, acc, module + ".aws_route.accepter_to_requester", accepter, requester, "transit gateway");
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + requester.nameValue() + "-" + accepter.nameValue())));
    arguments.add(new Argument("requester_transit_gateway_id", Hcl.str(reqSide.id().value())));
    arguments.add(new Argument("requester_transit_gateway_route_table_id", Hcl.str(reqSide.routeTableId().value())));
    arguments.add(new Argument("requester_vpc_attachment_id", Hcl.str(reqSide.attachmentId().value())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, requester))));
    arguments.add(new Argument("requester_cidrs", Hcl.strings(requester.cidrValues())));
    arguments.add(new Argument("requester_vpc_route_table_ids", Hcl.strings(values(requester.routeTableIds()))));
    arguments.add(new Argument("requester_associate_peering_attachment", new Hcl.Bool(true)));
    arguments.add(new Argument("accepter_transit_gateway_id", Hcl.str(accSide.id().value())));
    arguments.add(new Argument("accepter_transit_gateway_route_table_id", Hcl.str(accSide.routeTableId().value())));
    arguments.add(new Argument("accepter_vpc_attachment_id", Hcl.str(accSide.attachmentId().value())));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, accepter))));
    arguments.add(new Argument("accepter_cidrs", Hcl.strings(accepter.cidrValues())));
    arguments.add(new Argument("accepter_vpc_route_table_ids", Hcl.strings(values(accepter.routeTableIds()))));
    arguments.add(new Argument("accepter_associate_peering_attachment", new Hcl.Bool(true)));
    arguments.add(new Argument("accepter_region", Hcl.str(accepter.region())));
    if (!providers.sameAccount(requester, accepter)) {
      arguments.add(new Argument("accepter_account_id", Hcl.str(acc.accountId())));
    }
    arguments.add(EndpointPlanner.tags());
    return new ModuleCall(
        label,
        "tgw-peering",
        "Transit gateway peering " + requester.region() + " <-> " + accepter.region() + " for " + requester.nameValue() + " and " + accepter.nameValue() + "; peering attachments do not propagate routes, so they are static.",
        requester.region(),
        req.accountName(),
        List.of(Map.entry("aws.requester", req.reference()), Map.entry("aws.accepter", acc.reference())),
        arguments,
        resources,
        group,
        key);
  }

  /** A link whose two transit gateways are already peered for an earlier link: routes only. */
  private ModuleCall sharedPeering(TransitGatewayLink link, Vpc requester, Vpc accepter) {
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    TransitGatewaySide reqSide = link.gateways().get(requester.region());
    TransitGatewaySide accSide = link.gateways().get(accepter.region());
    TransitGatewayLink owner = peeringOwners.get(link.gatewayPair().orElseThrow());
    Vpc ownerRequester = end(owner, 0);
    Vpc ownerAccepter = end(owner, 1);
    String ownerModule =
        ModuleCall.addressOf(
            transitGatewayGroup(providers.of(ownerRequester), providers.of(ownerAccepter)),
            Labels.of("tgw_peering", ownerRequester.nameValue(), ownerAccepter.nameValue()),
            key(ownerRequester, ownerAccepter));
    StaticRoutes staticRoutes = sharedRoutes.get(link);
    // Same resource names as tgw-peering. drslink 0.1.0 gave both the same label scheme.
    ModuleGroup group = sharedRoutesGroup(req, acc);
    String label = Labels.of("tgw_peering", requester.nameValue(), accepter.nameValue());
    String key = key(requester, accepter);
    String module = ModuleCall.addressOf(group, label, key);
    List<PlannedResource> resources = new ArrayList<>();
    for (String cidr : staticRoutes.inRequesterTable()) {
      resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering of " + ownerModule));
    }
    for (String cidr : staticRoutes.inAccepterTable()) {
      resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route.accepter_to_requester[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering of " + ownerModule));
    }
    routes(resources, req, module + ".aws_route.requester_to_accepter", requester, accepter, "transit gateway");
    routes(resources, acc, module + ".aws_route.accepter_to_requester", accepter, requester, "transit gateway");
    List<Argument> arguments = new ArrayList<>();
    attachmentsByLink.put(key, Hcl.ref(ownerModule + ".peering_attachment_id"));
    arguments.add(new Argument("peering_attachment_id", Hcl.ref("local." + ATTACHMENTS + "[each.key]")));
    arguments.add(new Argument("requester_transit_gateway_id", Hcl.str(reqSide.id().value())));
    arguments.add(new Argument("requester_transit_gateway_route_table_id", Hcl.str(reqSide.routeTableId().value())));
    arguments.add(new Argument("requester_transit_gateway_route_cidrs", Hcl.strings(staticRoutes.inRequesterTable())));
    arguments.add(new Argument("requester_vpc_attachment_id", Hcl.str(reqSide.attachmentId().value())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, requester))));
    arguments.add(new Argument("requester_cidrs", Hcl.strings(requester.cidrValues())));
    arguments.add(new Argument("requester_vpc_route_table_ids", Hcl.strings(values(requester.routeTableIds()))));
    arguments.add(new Argument("accepter_transit_gateway_id", Hcl.str(accSide.id().value())));
    arguments.add(new Argument("accepter_transit_gateway_route_table_id", Hcl.str(accSide.routeTableId().value())));
    arguments.add(new Argument("accepter_transit_gateway_route_cidrs", Hcl.strings(staticRoutes.inAccepterTable())));
    arguments.add(new Argument("accepter_vpc_attachment_id", Hcl.str(accSide.attachmentId().value())));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, accepter))));
    arguments.add(new Argument("accepter_cidrs", Hcl.strings(accepter.cidrValues())));
    arguments.add(new Argument("accepter_vpc_route_table_ids", Hcl.strings(values(accepter.routeTableIds()))));
    return new ModuleCall(
        label,
        "tgw-peering-routes",
        "Routes for " + requester.nameValue() + " and " + accepter.nameValue() + " over the transit gateway peering of " + ownerModule + ": one peering per pair of transit gateways, and one static route per TGW route table and CIDR.",
        requester.region(),
        req.accountName(),
        List.of(Map.entry("aws.requester", req.reference()), Map.entry("aws.accepter", acc.reference())),
        arguments,
        resources,
        group,
        key);
  }

  private static void routes(List<PlannedResource> resources, ProviderConfig provider, String address, Vpc from, Vpc to, String via) {
    for (String table : values(from.routeTableIds())) {
      for (String cidr : to.cidrValues()) {
        resources.add(new PlannedResource(provider.region(), provider.accountName(), address + "[\"" + table + "|" + cidr + "\"]", "aws_route", "route " + cidr + " (" + to.nameValue() + ") from " + table + " via " + via));
      }
    }
  }

  private static List<String> values(List<Located<String>> located) {
    return located.stream().map(Located::value).toList();
  }
}
