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
import java.util.Set;

/**
 * Peerings and transit gateway peerings with their routes; {@code existing} links create nothing.
 *
 * <p>Transit gateway links that join the same two transit gateways share one peering attachment: AWS
 * would accept a second one, but each route table holds one route per destination, so a second static
 * route to the same CIDR fails with RouteAlreadyExists, and the attachment is associated with one route
 * table per gateway. The peering is keyed by its pair of gateways (a {@code tgw-peering} instance holding
 * the attachment, its associations and every static route of the pair, keyed by CIDR), and each link's VPC
 * routes by the link ({@code tgw-peering-routes}), so adding or removing a link never re-addresses the
 * peering. The peering is requested from the side of the first VPC of the pair's first link in the file
 * (the link that also sets the route tables, DRS240).
 *
 * <p>Until this layout the first link of a pair by name owned the peering, and moved.tf carries what it and
 * the other links held to their new addresses ({@link #moved()}).
 */
final class ConnectivityPlanner {
  /** The module of a pair of transit gateways' peering, keyed by the pair. */
  static final String PAIR_MODULE = "tgw-peering";

  private final Topology topology;
  private final Providers providers;
  private final String prefix;
  /** Per gateway pair, in the planner's order of its first link: the peering and its static routes. */
  private final Map<String, PairPeering> pairs = new LinkedHashMap<>();
  /** Per gateway pair, the link that owned the peering before it was keyed by pair (the first by name). */
  private final Map<String, TransitGatewayLink> previousOwners = new HashMap<>();
  /** Per link that did not own its pair's peering then, the static routes its module held. */
  private final Map<TransitGatewayLink, StaticRoutes> previousSharedRoutes = new IdentityHashMap<>();
  /** The previous layout's static routes: by TGW route table, the CIDRs routed there, in a link's direction. */
  private record StaticRoutes(List<String> inRequesterTable, List<String> inAccepterTable) {}

  /**
   * One pair of transit gateways: the VPCs of the link that decides the direction, the TGW sides and the
   * destinations each side's route table sends over the peering (of every link of the pair, without repeats).
   */
  private record PairPeering(String key, Vpc requester, Vpc accepter, TransitGatewaySide requesterSide, TransitGatewaySide accepterSide, Set<String> requesterRoutes, Set<String> accepterRoutes) {}

  /** {@code links} in the planner's order. */
  ConnectivityPlanner(Topology topology, Providers providers, List<Connectivity> links) {
    this.topology = topology;
    this.providers = providers;
    this.prefix = topology.name().value();
    Map<String, TransitGatewayLink> firstInFile = new HashMap<>();
    for (Connectivity link : topology.connectivity()) {
      if (link instanceof TransitGatewayLink tgw && tgw.gatewayPair().isPresent()) {
        firstInFile.putIfAbsent(tgw.gatewayPair().get(), tgw);
      }
    }
    Set<String> routed = new HashSet<>(); // "<tgw route table>|<cidr>", the previous layout's dedup
    for (Connectivity link : links) {
      if (!(link instanceof TransitGatewayLink tgw) || tgw.gatewayPair().isEmpty()) {
        continue;
      }
      String pairKey = tgw.gatewayPair().get();
      Vpc requester = end(link, 0);
      Vpc accepter = end(link, 1);
      TransitGatewayLink decides = firstInFile.get(pairKey);
      PairPeering pair =
          pairs.computeIfAbsent(
              pairKey,
              k -> {
                Vpc pairRequester = end(decides, 0);
                Vpc pairAccepter = end(decides, 1);
                return new PairPeering(k, pairRequester, pairAccepter, decides.gateways().get(pairRequester.region()), decides.gateways().get(pairAccepter.region()), new java.util.TreeSet<>(), new java.util.TreeSet<>());
              });
      // The requester's table routes to the VPC on the accepter's side, and the other way round.
      Vpc onAccepterSide = requester.region().equals(pair.accepter().region()) ? requester : accepter;
      Vpc onRequesterSide = onAccepterSide == requester ? accepter : requester;
      pair.requesterRoutes().addAll(onAccepterSide.cidrValues());
      pair.accepterRoutes().addAll(onRequesterSide.cidrValues());

      StaticRoutes previous =
          new StaticRoutes(
              unrouted(routed, tgw.gateways().get(requester.region()).routeTableId().value(), accepter.cidrValues()),
              unrouted(routed, tgw.gateways().get(accepter.region()).routeTableId().value(), requester.cidrValues()));
      if (previousOwners.putIfAbsent(pairKey, tgw) != null) {
        previousSharedRoutes.put(tgw, previous);
      }
    }
  }

  private static List<String> unrouted(Set<String> routed, String table, List<String> cidrs) {
    return cidrs.stream().filter(cidr -> routed.add(table + "|" + cidr)).toList();
  }

  private Vpc end(Connectivity link, int index) {
    return topology.vpc(link.vpcs().get(index).value()).orElseThrow();
  }

  /**
   * The modules of one link: none for {@code existing}; a peering; or a transit gateway link's routes, preceded by
   * its pair's peering when the link is the pair's first in the planner's order.
   */
  List<ModuleCall> plan(Connectivity link) {
    if (link instanceof ExistingLink) {
      return List.of(); // also the only link an on-premises network may have
    }
    Vpc requester = topology.vpc(link.vpcs().get(0).value()).orElseThrow();
    Vpc accepter = topology.vpc(link.vpcs().get(1).value()).orElseThrow();
    if (link instanceof VpcPeering) {
      return List.of(peering(requester, accepter));
    }
    if (link instanceof TransitGatewayLink tgw) {
      ModuleCall routes = linkRoutes(tgw, requester, accepter);
      String pairKey = tgw.gatewayPair().orElseThrow();
      return previousOwners.get(pairKey) == tgw ? List.of(pairPeering(pairs.get(pairKey)), routes) : List.of(routes);
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

  private static ModuleGroup pairGroup(ProviderConfig req, ProviderConfig acc) {
    return new ModuleGroup(
        Labels.of("tgw_peerings", req.alias(), "to", acc.alias()),
        "Transit gateway peerings requested through " + req.reference() + " and accepted through " + acc.reference() + ", with their static routes; one instance per pair of transit gateways.",
        Set.of("accepter_region", "accepter_account_id", "requester_associate_peering_attachment", "accepter_associate_peering_attachment", "tags"));
  }

  private static ModuleGroup routesGroup(ProviderConfig req, ProviderConfig acc) {
    return new ModuleGroup(
        Labels.of("tgw_routes", req.alias(), "to", acc.alias()),
        "VPC routes through peered transit gateways, through " + req.reference() + " and " + acc.reference() + "; one instance per link.",
        Set.of());
  }

  private static String pairLabel(PairPeering pair) {
    return Labels.of("tgw_peering", pair.requesterSide().id().value(), pair.accepterSide().id().value());
  }

  private String pairAddress(PairPeering pair) {
    return ModuleCall.addressOf(pairGroup(providers.of(pair.requester()), providers.of(pair.accepter())), pairLabel(pair), pair.key());
  }

  private ModuleCall pairPeering(PairPeering pair) {
    Vpc requester = pair.requester();
    Vpc accepter = pair.accepter();
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    TransitGatewaySide reqSide = pair.requesterSide();
    TransitGatewaySide accSide = pair.accepterSide();
    String module = pairAddress(pair);
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment.this", "aws_ec2_transit_gateway_peering_attachment", "request TGW peering " + reqSide.id().value() + " -> " + accSide.id().value()));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment_accepter.this", "aws_ec2_transit_gateway_peering_attachment_accepter", "accept the TGW peering in " + accepter.region()));
    for (String cidr : pair.requesterRoutes()) {
      resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    for (String cidr : pair.accepterRoutes()) {
      resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route.accepter_to_requester[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    // The module skips an association that the TGW's default route table association already made (it
    // reads the TGW's options at plan time, which drslink cannot see), so these two may not be created.
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route_table_association.requester[0]", "aws_ec2_transit_gateway_route_table_association", "associate the TGW peering with " + reqSide.routeTableId().value() + " (unless it is the TGW's default association route table)"));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route_table_association.accepter[0]", "aws_ec2_transit_gateway_route_table_association", "associate the TGW peering with " + accSide.routeTableId().value() + " (unless it is the TGW's default association route table)"));
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + requester.nameValue() + "-" + accepter.nameValue())));
    arguments.add(new Argument("requester_transit_gateway_id", Hcl.str(reqSide.id().value())));
    arguments.add(new Argument("requester_transit_gateway_route_table_id", Hcl.str(reqSide.routeTableId().value())));
    arguments.add(new Argument("requester_route_cidrs", Hcl.strings(List.copyOf(pair.requesterRoutes()))));
    arguments.add(new Argument("requester_associate_peering_attachment", new Hcl.Bool(true)));
    arguments.add(new Argument("accepter_transit_gateway_id", Hcl.str(accSide.id().value())));
    arguments.add(new Argument("accepter_transit_gateway_route_table_id", Hcl.str(accSide.routeTableId().value())));
    arguments.add(new Argument("accepter_route_cidrs", Hcl.strings(List.copyOf(pair.accepterRoutes()))));
    arguments.add(new Argument("accepter_associate_peering_attachment", new Hcl.Bool(true)));
    arguments.add(new Argument("accepter_region", Hcl.str(accepter.region())));
    if (!providers.sameAccount(requester, accepter)) {
      arguments.add(new Argument("accepter_account_id", Hcl.str(acc.accountId())));
    }
    arguments.add(EndpointPlanner.tags());
    return new ModuleCall(
        pairLabel(pair),
        PAIR_MODULE,
        "Transit gateway peering " + reqSide.id().value() + " (" + requester.region() + ") <-> " + accSide.id().value() + " (" + accepter.region() + "), shared by every link between their VPCs; peering attachments do not propagate routes, so they are static.",
        requester.region(),
        req.accountName(),
        List.of(Map.entry("aws.requester", req.reference()), Map.entry("aws.accepter", acc.reference())),
        arguments,
        resources,
        pairGroup(req, acc),
        pair.key());
  }

  /** One link's VPC routes through its two peered transit gateways. */
  private ModuleCall linkRoutes(TransitGatewayLink link, Vpc requester, Vpc accepter) {
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    TransitGatewaySide reqSide = link.gateways().get(requester.region());
    TransitGatewaySide accSide = link.gateways().get(accepter.region());
    ModuleGroup group = routesGroup(req, acc);
    String label = Labels.of("tgw_peering", requester.nameValue(), accepter.nameValue());
    String key = key(requester, accepter);
    String module = ModuleCall.addressOf(group, label, key);
    List<PlannedResource> resources = new ArrayList<>();
    routes(resources, req, module + ".aws_route.requester_to_accepter", requester, accepter, "transit gateway");
    routes(resources, acc, module + ".aws_route.accepter_to_requester", accepter, requester, "transit gateway");
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("requester_transit_gateway_id", Hcl.str(reqSide.id().value())));
    arguments.add(new Argument("requester_vpc_attachment_id", Hcl.str(reqSide.attachmentId().value())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, requester))));
    arguments.add(new Argument("requester_cidrs", Hcl.strings(requester.cidrValues())));
    arguments.add(new Argument("requester_vpc_route_table_ids", Hcl.strings(values(requester.routeTableIds()))));
    arguments.add(new Argument("accepter_transit_gateway_id", Hcl.str(accSide.id().value())));
    arguments.add(new Argument("accepter_vpc_attachment_id", Hcl.str(accSide.attachmentId().value())));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(providers, accepter))));
    arguments.add(new Argument("accepter_cidrs", Hcl.strings(accepter.cidrValues())));
    arguments.add(new Argument("accepter_vpc_route_table_ids", Hcl.strings(values(accepter.routeTableIds()))));
    return new ModuleCall(
        label,
        "tgw-peering-routes",
        "Routes between " + requester.nameValue() + " and " + accepter.nameValue() + " through the transit gateways, over the peering of " + pairAddress(pairs.get(link.gatewayPair().orElseThrow())) + ".",
        requester.region(),
        req.accountName(),
        List.of(Map.entry("aws.requester", req.reference()), Map.entry("aws.accepter", acc.reference())),
        arguments,
        resources,
        group,
        key);
  }

  /**
   * Where the previous layout kept what now lives in a pair's peering and in each link's routes, as moved
   * blocks: drslink 0.1.0's module per link (module.tgw_peering_A_B) moved to the address the first layout
   * with shared peerings gave it, and from there each resource moves to today's. The pair's attachment, its
   * associations and the owner's static routes came from the owner's module; the other links' static routes
   * from theirs; every link's VPC routes stay with the link. A moved block whose origin is not in the state is
   * nothing to Terraform, so roots of either layout, or new ones, plan the same.
   */
  List<MovedBlock> moved() {
    List<MovedBlock> out = new ArrayList<>();
    for (Map.Entry<String, TransitGatewayLink> owned : previousOwners.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      PairPeering pair = pairs.get(owned.getKey());
      String to = pairAddress(pair);
      for (Connectivity l : topology.connectivity().stream().filter(c -> c instanceof TransitGatewayLink t && owned.getKey().equals(t.gatewayPair().orElse(null))).sorted(java.util.Comparator.comparing(c -> key(end(c, 0), end(c, 1)))).toList()) {
        TransitGatewayLink link = (TransitGatewayLink) l;
        Vpc requester = end(link, 0);
        Vpc accepter = end(link, 1);
        ProviderConfig req = providers.of(requester);
        ProviderConfig acc = providers.of(accepter);
        String label = Labels.of("tgw_peering", requester.nameValue(), accepter.nameValue());
        String key = key(requester, accepter);
        String routesNow = ModuleCall.addressOf(routesGroup(req, acc), label, key);
        boolean owner = owned.getValue() == link;
        String before = owner ? ModuleCall.addressOf(pairGroup(req, acc), label, key) : routesNow;
        String why = "drslink before 0.3 kept the peering of " + pair.key() + " in the module of its first link by name";
        out.add(new MovedBlock("module." + label, before, "drslink 0.1.0 had one module per link."));
        List<String> inRequesterTable;
        List<String> inAccepterTable;
        if (owner) {
          for (String resource : List.of("aws_ec2_transit_gateway_peering_attachment.this", "aws_ec2_transit_gateway_peering_attachment_accepter.this")) {
            out.add(new MovedBlock(before + "." + resource, to + "." + resource, why + "."));
          }
          boolean sameDirection = requester.region().equals(pair.requester().region());
          out.add(new MovedBlock(before + ".aws_ec2_transit_gateway_route_table_association.requester", to + ".aws_ec2_transit_gateway_route_table_association." + (sameDirection ? "requester" : "accepter"), why + "."));
          out.add(new MovedBlock(before + ".aws_ec2_transit_gateway_route_table_association.accepter", to + ".aws_ec2_transit_gateway_route_table_association." + (sameDirection ? "accepter" : "requester"), why + "."));
          out.add(new MovedBlock(before + ".aws_route.requester_to_accepter", routesNow + ".aws_route.requester_to_accepter", why + "; its VPC routes stay with the link."));
          out.add(new MovedBlock(before + ".aws_route.accepter_to_requester", routesNow + ".aws_route.accepter_to_requester", why + "; its VPC routes stay with the link."));
          inRequesterTable = accepter.cidrValues();
          inAccepterTable = requester.cidrValues();
        } else {
          StaticRoutes shared = previousSharedRoutes.get(link);
          inRequesterTable = shared.inRequesterTable();
          inAccepterTable = shared.inAccepterTable();
        }
        // A static route stays in its TGW route table; which end of the pair that table is decides its name now.
        String fromRequesterTable = requester.region().equals(pair.requester().region()) ? "requester_to_accepter" : "accepter_to_requester";
        String fromAccepterTable = fromRequesterTable.equals("requester_to_accepter") ? "accepter_to_requester" : "requester_to_accepter";
        for (String cidr : inRequesterTable) {
          out.add(new MovedBlock(before + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"" + cidr + "\"]", to + ".aws_ec2_transit_gateway_route." + fromRequesterTable + "[\"" + cidr + "\"]", "One static route per TGW route table and CIDR, now the pair's."));
        }
        for (String cidr : inAccepterTable) {
          out.add(new MovedBlock(before + ".aws_ec2_transit_gateway_route.accepter_to_requester[\"" + cidr + "\"]", to + ".aws_ec2_transit_gateway_route." + fromAccepterTable + "[\"" + cidr + "\"]", "One static route per TGW route table and CIDR, now the pair's."));
        }
      }
    }
    return out;
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
