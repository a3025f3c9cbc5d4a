package drslink.units;

import drslink.plan.Argument;
import drslink.plan.Hcl;
import drslink.plan.ModuleCall;
import drslink.plan.ModuleGroup;
import drslink.plan.PlannedResource;
import drslink.plan.ProviderConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Places a module instance of the single root into the units: an instance with one provider goes to that
 * provider's unit whole; one whose two providers are two units is split into the half each account can make
 * with its own credentials. The halves keep the instance's address and their resources keep their names, so the
 * state of each moves across with the same address (docs/units-layout.md "Switching layouts").
 */
final class ModuleSplit {

  /**
   * A module instance placed in the unit of provider {@code alias}. {@code key} names it among all halves: its
   * address, or for a half of a split step its address and module (the halves share the address). {@code fromPeers}
   * are arguments taken from other halves.
   */
  record Half(ModuleCall call, String alias, String key, List<PeerValue> fromPeers) {
    Half(ModuleCall call, String alias) {
      this(call, alias, call.address(), List.of());
    }

    static Half split(ModuleCall call, String alias, PeerValue... fromPeers) {
      return new Half(call, alias, keyOf(call.address(), call.module()), List.of(fromPeers));
    }
  }

  /** Argument {@code argument} of a half is output {@code output} of the half named {@code producer} ({@link Half#key}). */
  record PeerValue(String argument, String producer, String output) {}

  static String keyOf(String address, String module) {
    return address + "#" + module;
  }

  private final Map<String, ProviderConfig> providers;
  ModuleSplit(List<ProviderConfig> providers) {
    this.providers = providers.stream().collect(Collectors.toMap(ProviderConfig::reference, Function.identity()));
  }

  List<Half> place(ModuleCall call) {
    Set<String> references = call.providers().stream().map(Map.Entry::getValue).collect(Collectors.toSet());
    if (references.size() == 1) {
      return List.of(new Half(call, provider(references.iterator().next()).alias()));
    }
    return switch (call.module()) {
      case "dns-association" -> dnsAssociation(call);
      case "vpc-peering" -> vpcPeering(call);
      case "tgw-peering" -> tgwPeering(call);
      case "tgw-peering-routes" -> tgwPeeringRoutes(call);
      default ->
          throw new UnitsLayoutException(
              call.comment()
                  + " The units layout cannot split module "
                  + call.module()
                  + " between "
                  + String.join(" and ", references.stream().sorted().toList())
                  + " yet: generate the single root for this topology (docs/units-layout.md \"Not supported yet\").");
    };
  }

  // Zone association: across accounts the zone owner authorizes and the VPC owner associates
  // (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html).
  // Within one account the zones' unit associates the other region's VPC itself: Route 53 is global and the call
  // names the VPC's region (AssociateVPCWithHostedZone, VPC.VPCRegion), so no value has to cross units.
  private List<Half> dnsAssociation(ModuleCall call) {
    ProviderConfig zoneOwner = provider(providerOf(call, "aws.zone_owner"));
    ProviderConfig vpcOwner = provider(providerOf(call, "aws.vpc_owner"));
    boolean crossAccount = call.arguments().stream().anyMatch(a -> a.name().equals("cross_account") && a.value().equals(new Hcl.Bool(true)));
    List<String> kept = List.of("zone_ids", "vpc_id", "vpc_region");
    if (!crossAccount) {
      ModuleCall association = half(call, "dns-association-vpc-owner", zoneOwner, kept);
      List<PlannedResource> rehomed =
          call.resources().stream().map(r -> new PlannedResource(zoneOwner.region(), zoneOwner.accountName(), r.address(), r.type(), r.purpose())).toList();
      return List.of(Half.split(withResources(association, rehomed), zoneOwner.alias()));
    }
    return List.of(
        Half.split(half(call, "dns-association-zone-owner", zoneOwner, kept), zoneOwner.alias()),
        Half.split(half(call, "dns-association-vpc-owner", vpcOwner, kept), vpcOwner.alias()));
  }

  private static ModuleCall withResources(ModuleCall c, List<PlannedResource> resources) {
    return new ModuleCall(c.label(), c.module(), c.comment(), c.region(), c.account(), c.providers(), c.arguments(), resources, c.group(), c.key());
  }

  // VPC peering: the requester requests and routes, the accepter accepts the connection id it is given and routes
  // (https://docs.aws.amazon.com/vpc/latest/peering/create-vpc-peering-connection.html).
  private List<Half> vpcPeering(ModuleCall call) {
    ProviderConfig requester = provider(providerOf(call, "aws.requester"));
    ProviderConfig accepter = provider(providerOf(call, "aws.accepter"));
    ModuleCall request =
        half(call, "vpc-peering-requester", requester, List.of("name", "requester_vpc_id", "accepter_vpc_id", "accepter_region", "accepter_account_id", "requester_route_table_ids", "accepter_cidrs", "tags"));
    ModuleCall accept = half(call, "vpc-peering-accepter", accepter, List.of("name", "peering_connection_id", "accepter_route_table_ids", "requester_cidrs", "tags"));
    return List.of(
        Half.split(request, requester.alias()),
        Half.split(accept, accepter.alias(), new PeerValue("peering_connection_id", keyOf(request.address(), request.module()), "peering_connection_id")));
  }

  // A pair's transit gateway peering in three steps: the requester requests, the accepter accepts, associates and
  // adds its static routes, then the requester associates and adds its static TGW routes, which AWS refuses before
  // the attachment is available (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html).
  private List<Half> tgwPeering(ModuleCall call) {
    ProviderConfig requester = provider(providerOf(call, "aws.requester"));
    ProviderConfig accepter = provider(providerOf(call, "aws.accepter"));
    java.util.function.Predicate<PlannedResource> late =
        r -> r.address().contains(".aws_ec2_transit_gateway_route_table_association.requester") || r.address().contains(".aws_ec2_transit_gateway_route.requester_to_accepter");
    ModuleCall request =
        half(
            call,
            "tgw-peering-requester",
            requester,
            List.of("name", "requester_transit_gateway_id", "accepter_transit_gateway_id", "accepter_region", "accepter_account_id", "tags"),
            late.negate());
    ModuleCall accept =
        half(
            call,
            "tgw-peering-accepter",
            accepter,
            List.of("name", "peering_attachment_id", "accepter_transit_gateway_id", "accepter_transit_gateway_route_table_id", "accepter_associate_peering_attachment", "accepter_route_cidrs", "tags"),
            r -> true);
    ModuleCall routes =
        half(call, "tgw-peering-requester-routes", requester, List.of("peering_attachment_id", "requester_transit_gateway_id", "requester_transit_gateway_route_table_id", "requester_associate_peering_attachment", "requester_route_cidrs"), late);
    String acceptKey = keyOf(accept.address(), accept.module());
    return List.of(
        Half.split(request, requester.alias()),
        Half.split(accept, accepter.alias(), new PeerValue("peering_attachment_id", keyOf(request.address(), request.module()), "peering_attachment_id")),
        Half.split(routes, requester.alias(), new PeerValue("peering_attachment_id", acceptKey, "peering_attachment_id")));
  }

  // A link's VPC routes: each side in its own unit, through its own transit gateway; nothing crosses units.
  private List<Half> tgwPeeringRoutes(ModuleCall call) {
    ProviderConfig requester = provider(providerOf(call, "aws.requester"));
    ProviderConfig accepter = provider(providerOf(call, "aws.accepter"));
    List<Half> halves = new java.util.ArrayList<>();
    for (ProviderConfig side : List.of(requester, accepter)) {
      String own = side == requester ? "requester" : "accepter";
      String other = side == requester ? "accepter" : "requester";
      List<String> names =
          List.of(
              "transit_gateway_id<-" + own + "_transit_gateway_id",
              "vpc_attachment_id<-" + own + "_vpc_attachment_id",
              "vpc_id<-" + own + "_vpc_id",
              "vpc_route_table_ids<-" + own + "_vpc_route_table_ids",
              "peer_cidrs<-" + other + "_cidrs");
      halves.add(Half.split(half(call, "tgw-peering-routes-" + own, side, names, r -> true), side.alias()));
    }
    return halves;
  }

  private static ModuleCall half(ModuleCall call, String module, ProviderConfig provider, List<String> names) {
    return half(call, module, provider, names, r -> true);
  }

  /**
   * The part of {@code call} that {@code provider} makes with {@code module}: the arguments named {@code names} (in
   * that order; {@code new<-old} renames one; an argument the call lacks is a placeholder the units planner fills
   * from another half), and those of the call's resources in the provider's account and region that {@code keep}.
   */
  private static ModuleCall half(ModuleCall call, String module, ProviderConfig provider, List<String> names, java.util.function.Predicate<PlannedResource> keep) {
    Map<String, Argument> byName = call.arguments().stream().collect(Collectors.toMap(Argument::name, Function.identity()));
    List<Argument> arguments = new java.util.ArrayList<>();
    java.util.Set<String> kept = new java.util.HashSet<>();
    for (String spec : names) {
      String name = spec.contains("<-") ? spec.substring(0, spec.indexOf("<-")) : spec;
      String from = spec.contains("<-") ? spec.substring(spec.indexOf("<-") + 2) : spec;
      if (PEER_ARGUMENTS.contains(name)) {
        arguments.add(new Argument(name, Hcl.ref("null")));
      } else if (byName.containsKey(from)) {
        arguments.add(new Argument(name, byName.get(from).value()));
        if (name.equals(from)) {
          kept.add(name);
        }
      }
    }
    List<PlannedResource> resources =
        call.resources().stream().filter(r -> r.region().equals(provider.region()) && java.util.Objects.equals(r.account(), provider.accountName())).filter(keep).toList();
    ModuleGroup group =
        call.group() == null
            ? null
            : new ModuleGroup(call.group().call(), call.group().comment(), call.group().shared().stream().filter(kept::contains).filter(n -> !PEER_ARGUMENTS.contains(n)).collect(Collectors.toSet()));
    return new ModuleCall(call.label(), module, call.comment(), provider.region(), provider.accountName(), List.of(Map.entry("aws", provider.reference())), arguments, resources, group, call.key());
  }

  /** Arguments a half takes from another half, never from the single root's call. */
  private static final java.util.Set<String> PEER_ARGUMENTS = java.util.Set.of("peering_connection_id", "peering_attachment_id");

  private static String providerOf(ModuleCall call, String name) {
    return call.providers().stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(call.label() + " has no provider " + name));
  }

  private ProviderConfig provider(String reference) {
    ProviderConfig p = providers.get(reference);
    if (p == null) {
      throw new IllegalStateException("no provider " + reference + " in the plan");
    }
    return p;
  }
}
