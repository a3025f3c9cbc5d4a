package drslink.plan;

import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Peerings and transit gateway peerings with their routes; {@code existing} links create nothing. */
final class ConnectivityPlanner {
  private final Topology topology;
  private final Providers providers;
  private final String prefix;

  ConnectivityPlanner(Topology topology, Providers providers) {
    this.topology = topology;
    this.providers = providers;
    this.prefix = topology.name().value();
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
      return Optional.of(transitGateway(tgw, requester, accepter));
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
    if (link instanceof TransitGatewayLink) {
      return a + " <-> " + b + ": transit gateway peering created by drslink, with static routes in both transit gateway route tables and VPC routes through the gateways.";
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
    String label = Labels.of("peering", requester.nameValue(), accepter.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_vpc_peering_connection.this", "aws_vpc_peering_connection", "request peering " + requester.nameValue() + " -> " + accepter.nameValue()));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_vpc_peering_connection_accepter.this", "aws_vpc_peering_connection_accepter", "accept the peering in " + accepter.nameValue()));
    routes(resources, req, module + ".aws_route.requester_to_accepter", requester, accepter, "peering");
    routes(resources, acc, module + ".aws_route.accepter_to_requester", accepter, requester, "peering");
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + requester.nameValue() + "-" + accepter.nameValue())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(requester))));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(accepter))));
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
        resources);
  }

  private ModuleCall transitGateway(TransitGatewayLink link, Vpc requester, Vpc accepter) {
    ProviderConfig req = providers.of(requester);
    ProviderConfig acc = providers.of(accepter);
    TransitGatewaySide reqSide = link.gateways().get(requester.region());
    TransitGatewaySide accSide = link.gateways().get(accepter.region());
    String label = Labels.of("tgw_peering", requester.nameValue(), accepter.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment.this", "aws_ec2_transit_gateway_peering_attachment", "request TGW peering " + reqSide.id().value() + " -> " + accSide.id().value()));
    resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_peering_attachment_accepter.this", "aws_ec2_transit_gateway_peering_attachment_accepter", "accept the TGW peering in " + accepter.region()));
    for (String cidr : accepter.cidrValues()) {
      resources.add(new PlannedResource(req.region(), req.accountName(), module + ".aws_ec2_transit_gateway_route.requester_to_accepter[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    for (String cidr : requester.cidrValues()) {
      resources.add(new PlannedResource(acc.region(), acc.accountName(), module + ".aws_ec2_transit_gateway_route.accepter_to_requester[\"" + cidr + "\"]", "aws_ec2_transit_gateway_route", "static TGW route to " + cidr + " over the peering"));
    }
    routes(resources, req, module + ".aws_route.requester_vpc", requester, accepter, "transit gateway");
    routes(resources, acc, module + ".aws_route.accepter_vpc", accepter, requester, "transit gateway");
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + requester.nameValue() + "-" + accepter.nameValue())));
    arguments.add(new Argument("requester_transit_gateway_id", Hcl.str(reqSide.id().value())));
    arguments.add(new Argument("requester_transit_gateway_route_table_id", Hcl.str(reqSide.routeTableId().value())));
    arguments.add(new Argument("requester_vpc_attachment_id", Hcl.str(reqSide.attachmentId().value())));
    arguments.add(new Argument("requester_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(requester))));
    arguments.add(new Argument("requester_cidrs", Hcl.strings(requester.cidrValues())));
    arguments.add(new Argument("requester_vpc_route_table_ids", Hcl.strings(values(requester.routeTableIds()))));
    arguments.add(new Argument("accepter_transit_gateway_id", Hcl.str(accSide.id().value())));
    arguments.add(new Argument("accepter_transit_gateway_route_table_id", Hcl.str(accSide.routeTableId().value())));
    arguments.add(new Argument("accepter_vpc_attachment_id", Hcl.str(accSide.attachmentId().value())));
    arguments.add(new Argument("accepter_vpc_id", Hcl.ref(EndpointPlanner.vpcRef(accepter))));
    arguments.add(new Argument("accepter_cidrs", Hcl.strings(accepter.cidrValues())));
    arguments.add(new Argument("accepter_vpc_route_table_ids", Hcl.strings(values(accepter.routeTableIds()))));
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
        resources);
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
