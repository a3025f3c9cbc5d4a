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

  /** A module instance placed in the unit of provider {@code alias}; {@code fromPeer} is an argument taken from another half. */
  record Half(ModuleCall call, String alias, PeerValue fromPeer) {}

  /** Argument {@code argument} of a half is output {@code output} of the half in {@code alias} with the same address. */
  record PeerValue(String argument, String alias, String output) {}

  private final Map<String, ProviderConfig> providers;

  ModuleSplit(List<ProviderConfig> providers) {
    this.providers = providers.stream().collect(Collectors.toMap(ProviderConfig::reference, Function.identity()));
  }

  List<Half> place(ModuleCall call) {
    Set<String> references = call.providers().stream().map(Map.Entry::getValue).collect(Collectors.toSet());
    if (references.size() == 1) {
      return List.of(new Half(call, provider(references.iterator().next()).alias(), null));
    }
    return switch (call.module()) {
      case "dns-association" -> dnsAssociation(call);
      case "vpc-peering" -> vpcPeering(call);
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
      return List.of(new Half(withResources(association, rehomed), zoneOwner.alias(), null));
    }
    return List.of(
        new Half(half(call, "dns-association-zone-owner", zoneOwner, kept), zoneOwner.alias(), null),
        new Half(half(call, "dns-association-vpc-owner", vpcOwner, kept), vpcOwner.alias(), null));
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
    return List.of(new Half(request, requester.alias(), null), new Half(accept, accepter.alias(), new PeerValue("peering_connection_id", requester.alias(), "peering_connection_id")));
  }

  /**
   * The part of {@code call} that {@code provider} makes with {@code module}: the arguments named {@code names} (in
   * that order; {@code peering_connection_id} is a placeholder the units planner fills), and the resources
   * in the provider's account and region.
   */
  private static ModuleCall half(ModuleCall call, String module, ProviderConfig provider, List<String> names) {
    Map<String, Argument> byName = call.arguments().stream().collect(Collectors.toMap(Argument::name, Function.identity()));
    List<Argument> arguments =
        names.stream()
            .filter(n -> byName.containsKey(n) || n.equals("peering_connection_id"))
            .map(n -> byName.containsKey(n) ? byName.get(n) : new Argument(n, Hcl.ref("null")))
            .toList();
    List<PlannedResource> resources =
        call.resources().stream().filter(r -> r.region().equals(provider.region()) && java.util.Objects.equals(r.account(), provider.accountName())).toList();
    ModuleGroup group = call.group() == null ? null : new ModuleGroup(call.group().call(), call.group().comment(), call.group().shared().stream().filter(names::contains).collect(Collectors.toSet()));
    return new ModuleCall(call.label(), module, call.comment(), provider.region(), provider.accountName(), List.of(Map.entry("aws", provider.reference())), arguments, resources, group, call.key());
  }

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
