package drslink.plan;

import drslink.model.AwsRegions;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.ReplicationSource;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.util.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * For each region that receives replication or failback: the DRS and S3 interface endpoints with their
 * 443 security group, the replication servers' 1500 security group in each staging VPC, the two private
 * hosted zones with their alias records, and the zones' associations with every VPC that must resolve them.
 */
final class EndpointPlanner {
  private final Topology topology;
  private final Providers providers;
  private final StagingPlacement placement;
  private final String prefix;

  EndpointPlanner(Topology topology, Providers providers, StagingPlacement placement) {
    this.topology = topology;
    this.providers = providers;
    this.placement = placement;
    this.prefix = topology.name().value();
  }

  /** The plan for one region; flows are all into that region. */
  RegionPlan plan(String region, List<Flow> flows) {
    Vpc hub = placement.endpointVpc(region).orElseThrow();
    Partition partition = AwsRegions.partition(region);
    ProviderConfig hubProvider = providers.of(hub);

    // Who needs what: staging VPC -> VPCs whose data lands there; every VPC that must resolve the zones.
    Map<String, TreeSet<String>> replicationCidrs = new TreeMap<>();
    Map<String, Vpc> consumers = new TreeMap<>();
    TreeSet<String> httpsCidrs = new TreeSet<>(hub.cidrValues());
    // Why each VPC resolves through the zones, for the README: role -> replication names, per VPC.
    Map<String, Map<String, TreeSet<String>>> roles = new TreeMap<>();
    // On-premises sources: no zone association (there is no VPC); recovery VPC -> Failback Client CIDRs.
    Map<String, OnPremNetwork> onPremises = new TreeMap<>();
    Map<String, TreeSet<String>> recoveryClients = new TreeMap<>();
    for (Flow flow : flows) {
      String replication = flow.replication().nameValue();
      if (flow.failback()) {
        addRole(roles, flow.from(), "failback of", replication);
        addRole(roles, flow.staging(), "failback landing of", replication);
      } else {
        addRole(roles, flow.from(), "source of", replication);
        addRole(roles, flow.staging(), "target of", replication);
      }
      replicationCidrs.computeIfAbsent(flow.staging().nameValue(), k -> new TreeSet<>()).addAll(flow.from().cidrValues());
      httpsCidrs.addAll(flow.from().cidrValues());
      if (flow.from() instanceof Vpc vpc) {
        consumers.put(vpc.nameValue(), vpc);
      } else if (flow.from() instanceof OnPremNetwork network) {
        onPremises.put(network.nameValue(), network);
        if (flow.replication().failbackEnabled()) {
          recoveryClients.computeIfAbsent(flow.staging().nameValue(), k -> new TreeSet<>()).addAll(network.failbackClientCidrValues());
        }
      }
      // A failback landing other than the hub is a production source VPC of another account: associating
      // s3.<region> with it would send all of its S3 traffic to an endpoint in another VPC (topology.md), so
      // its replication servers keep their own path (NAT or TGW default route; docs/failback.md).
      if (!flow.failback() || flow.staging().equals(hub)) {
        consumers.put(flow.staging().nameValue(), flow.staging());
        httpsCidrs.addAll(flow.staging().cidrValues());
      }
    }
    // A private zone needs a VPC when it is created. Where only failback lands, the zones start with the
    // first recovery VPC by name (so zones of earlier releases keep their home and are not replaced) and
    // the hub is associated like any other VPC: its failback replication servers call DRS and S3 through
    // the endpoints it hosts, which only resolve there through the zones (private_dns_enabled = false),
    // and with staging_private: true there is no other path (issue 22;
    // https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html).
    boolean failbackOnly = flows.stream().allMatch(Flow::failback);
    consumers.remove(hub.nameValue());
    Vpc zoneHome = failbackOnly ? consumers.values().iterator().next() : hub;
    consumers.remove(zoneHome.nameValue());
    if (failbackOnly) {
      consumers.put(hub.nameValue(), hub);
    }
    ProviderConfig zoneProvider = providers.of(zoneHome);

    List<ModuleCall> modules = new ArrayList<>();
    ModuleCall endpoints = endpoints(hub, hubProvider, partition, region, List.copyOf(httpsCidrs));
    modules.add(endpoints);
    Map<String, ModuleCall> replicationGroups = new TreeMap<>();
    replicationCidrs.forEach((vpcName, cidrs) -> replicationGroups.put(vpcName, replicationGroup(topology.vpc(vpcName).orElseThrow(), List.copyOf(cidrs), endpoints)));
    modules.addAll(replicationGroups.values());
    if (hub.isStagingPrivate()) {
      modules.add(privateStaging(hub, hubProvider, partition, region, endpoints));
    }
    String drsZone = partition.serviceHostname(region, "drs");
    String s3Zone = partition.serviceHostname(region, "s3");
    ModuleCall drsDns = zone("drs", drsZone, region, zoneHome, zoneProvider, endpoints, false);
    ModuleCall s3Dns = zone("s3", s3Zone, region, zoneHome, zoneProvider, endpoints, true);
    modules.add(drsDns);
    modules.add(s3Dns);
    for (Vpc consumer : consumers.values()) {
      modules.add(association(region, consumer, hub, zoneHome, zoneProvider, Map.of(drsZone, drsDns, s3Zone, s3Dns)));
    }
    TreeSet<String> resolverClients = new TreeSet<>();
    onPremises.values().stream().filter(OnPremNetwork::usesResolver).forEach(n -> resolverClients.addAll(n.cidrValues()));
    ModuleCall resolver = null;
    if (!resolverClients.isEmpty()) {
      resolver = resolverInbound(hub, hubProvider, region, List.copyOf(resolverClients));
      modules.add(resolver);
    }
    Map<String, ModuleCall> recoveryGroups = new TreeMap<>();
    recoveryClients.forEach((vpcName, cidrs) -> recoveryGroups.put(vpcName, recoveryGroup(topology.vpc(vpcName).orElseThrow(), hub, endpoints, List.copyOf(cidrs))));
    modules.addAll(recoveryGroups.values());
    Guide.RegionGuide guide =
        new Guide.RegionGuide(
            region,
            hub.nameValue(),
            zoneHome.nameValue(),
            List.of(drsZone, s3Zone),
            describeRoles(roles, consumers.keySet()),
            List.copyOf(httpsCidrs),
            copyOf(replicationCidrs),
            failbackOnly,
            hub.isStagingPrivate());
    return new RegionPlan(region, hub, partition, modules, endpoints, Map.of(drsZone, drsDns, s3Zone, s3Dns), replicationGroups, List.copyOf(onPremises.values()), resolver, recoveryGroups, guide);
  }

  private static void addRole(Map<String, Map<String, TreeSet<String>>> roles, ReplicationSource vpc, String role, String replication) {
    // LinkedHashMap: roles print in the order first met, which Flow.of makes deterministic.
    roles.computeIfAbsent(vpc.nameValue(), k -> new LinkedHashMap<>()).computeIfAbsent(role, k -> new TreeSet<>()).add(replication);
  }

  /** "source of a, b; failback of c" for each associated VPC. */
  private static Map<String, String> describeRoles(Map<String, Map<String, TreeSet<String>>> roles, Set<String> vpcs) {
    Map<String, String> out = new TreeMap<>();
    for (String vpc : vpcs) {
      List<String> parts = new ArrayList<>();
      roles.getOrDefault(vpc, Map.of())
          .forEach((role, replications) -> parts.add(role + " " + String.join(", ", replications)));
      out.put(vpc, String.join("; ", parts));
    }
    return out;
  }

  private static Map<String, List<String>> copyOf(Map<String, TreeSet<String>> cidrs) {
    Map<String, List<String>> copy = new TreeMap<>();
    cidrs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return copy;
  }

  /**
   * A region's module calls in print order, and the same calls by role for the root outputs: the endpoints,
   * the zones by zone name, the replication server security groups by staging VPC name.
   */
  record RegionPlan(
      String region,
      Vpc hub,
      Partition partition,
      List<ModuleCall> modules,
      ModuleCall endpoints,
      Map<String, ModuleCall> zones,
      Map<String, ModuleCall> replicationGroups,
      List<OnPremNetwork> onPremises,
      ModuleCall resolver,
      Map<String, ModuleCall> recoveryGroups,
      Guide.RegionGuide guide) {
    RegionPlan {
      recoveryGroups = Collections.unmodifiableMap(new TreeMap<>(recoveryGroups));
      onPremises = List.copyOf(onPremises);
      modules = List.copyOf(modules);
      zones = Collections.unmodifiableMap(new TreeMap<>(zones));
      replicationGroups = Collections.unmodifiableMap(new TreeMap<>(replicationGroups));
    }
  }

  private ModuleCall endpoints(Vpc hub, ProviderConfig provider, Partition partition, String region, List<String> httpsCidrs) {
    String label = Labels.of("endpoints", hub.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".aws_security_group.this", "aws_security_group", "endpoint security group in " + hub.nameValue()));
    for (String cidr : httpsCidrs) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_ingress_rule.https[\"" + cidr + "\"]", "aws_vpc_security_group_ingress_rule", "allow TCP 443 from " + cidr));
    }
    resources.add(resource(provider, module + ".aws_vpc_endpoint.drs", "aws_vpc_endpoint", "interface endpoint " + partition.endpointServiceName(region, "drs")));
    resources.add(resource(provider, module + ".aws_vpc_endpoint.s3", "aws_vpc_endpoint", "interface endpoint " + partition.endpointServiceName(region, "s3")));
    return new ModuleCall(
        label,
        "drs-endpoints",
        "DRS and S3 interface endpoints in " + hub.nameValue() + "; every VPC that replicates into " + region + " reaches them on TCP 443.",
        region,
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        List.of(
            new Argument("name", Hcl.str(prefix + "-" + hub.nameValue())),
            new Argument("vpc_id", Hcl.ref(vpcRef(hub))),
            new Argument("subnet_ids", Hcl.strings(hub.endpointSubnetIds().stream().map(l -> l.value()).toList())),
            new Argument("drs_service_name", Hcl.str(partition.endpointServiceName(region, "drs"))),
            new Argument("s3_service_name", Hcl.str(partition.endpointServiceName(region, "s3"))),
            new Argument("https_ingress_cidrs", Hcl.strings(httpsCidrs)),
            tags()),
        resources);
  }

  /**
   * The replication servers' group. With staging_private (only ever on the hub, which also holds the
   * endpoints: StagingPrivateRule) HTTPS goes to the endpoints' group and the S3 gateway's prefix list only;
   * elsewhere it is open, because DRS, S3 and the regional EC2 API answer on public ranges.
   */
  private ModuleCall replicationGroup(Vpc staging, List<String> cidrs, ModuleCall endpoints) {
    ProviderConfig provider = providers.of(staging);
    String label = Labels.of("replication_sg", staging.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".aws_security_group.this", "aws_security_group", "replication server security group in " + staging.nameValue()));
    for (String cidr : cidrs) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_ingress_rule.replication[\"" + cidr + "\"]", "aws_vpc_security_group_ingress_rule", "allow TCP 1500 from " + cidr));
    }
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(prefix + "-" + staging.nameValue())));
    arguments.add(new Argument("vpc_id", Hcl.ref(vpcRef(staging))));
    arguments.add(new Argument("replication_ingress_cidrs", Hcl.strings(cidrs)));
    if (staging.isStagingPrivate()) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_endpoints[0]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the DRS, S3 and EC2 interface endpoints only"));
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_s3_gateway[0]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the S3 gateway endpoint's prefix list"));
      arguments.add(new Argument("private_https_egress", new Hcl.Bool(true)));
      arguments.add(new Argument("endpoint_security_group_id", Hcl.ref(endpoints.output("security_group_id"))));
      arguments.add(new Argument("s3_prefix_list_id", Hcl.ref("module." + Labels.of("private_staging", staging.nameValue()) + ".s3_prefix_list_id")));
    } else {
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https[0]", "aws_vpc_security_group_egress_rule", "allow replication servers out on TCP 443 (public service ranges)"));
    }
    arguments.add(tags());
    return new ModuleCall(
        label,
        "staging-security-group",
        "Security group for the DRS replication servers in " + staging.nameValue() + ": replicated data arrives on TCP 1500.",
        staging.region(),
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        arguments,
        resources);
  }

  /**
   * dns: resolver_inbound: a Route 53 Resolver inbound endpoint in the VPC the zones are associated with, so
   * datacenter DNS servers can forward the zone names to it (forwarding to the VPC+2 resolver from outside
   * the VPC is not supported: domain.md section 9).
   */
  private ModuleCall resolverInbound(Vpc hub, ProviderConfig provider, String region, List<String> clientCidrs) {
    String label = Labels.of("resolver_inbound", hub.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".aws_security_group.this", "aws_security_group", "Resolver inbound endpoint security group in " + hub.nameValue()));
    for (String cidr : clientCidrs) {
      for (String protocol : List.of("tcp", "udp")) {
        resources.add(resource(provider, module + ".aws_vpc_security_group_ingress_rule.dns[\"" + protocol + "|" + cidr + "\"]", "aws_vpc_security_group_ingress_rule", "allow " + protocol.toUpperCase(java.util.Locale.ROOT) + " 53 from " + cidr));
      }
    }
    resources.add(resource(provider, module + ".aws_route53_resolver_endpoint.this", "aws_route53_resolver_endpoint", "inbound endpoint for the datacenters' conditional forwarders"));
    return new ModuleCall(
        label,
        "resolver-inbound",
        "Route 53 Resolver inbound endpoint in " + hub.nameValue() + ": on-premises DNS servers forward the " + region + " DRS and S3 names to it.",
        region,
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        List.of(
            new Argument("name", Hcl.str(prefix + "-" + hub.nameValue())),
            new Argument("vpc_id", Hcl.ref(vpcRef(hub))),
            new Argument("subnet_ids", Hcl.strings(hub.endpointSubnetIds().stream().map(l -> l.value()).toList())),
            new Argument("dns_ingress_cidrs", Hcl.strings(clientCidrs)),
            tags()),
        resources);
  }

  /** Failback to on-premises: recovery instances take TCP 1500 from the Failback Client and reach the endpoints on 443. */
  private ModuleCall recoveryGroup(Vpc recovery, Vpc hub, ModuleCall endpoints, List<String> clientCidrs) {
    ProviderConfig provider = providers.of(recovery);
    String label = Labels.of("recovery_sg", recovery.nameValue());
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".aws_security_group.this", "aws_security_group", "recovery instance security group in " + recovery.nameValue()));
    for (String cidr : clientCidrs) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_ingress_rule.failback[\"" + cidr + "\"]", "aws_vpc_security_group_ingress_rule", "allow TCP 1500 from the Failback Client in " + cidr));
    }
    // A security group reference matches only its own VPC and same-Region peers: another VPC's endpoints are
    // reached by CIDR (modules/recovery-instance-security-group).
    boolean sameVpc = recovery.equals(hub);
    if (sameVpc) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https[0]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the DRS and S3 endpoints in " + hub.nameValue()));
    } else {
      for (String cidr : hub.cidrValues()) {
        resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_endpoint_vpc[\"" + cidr + "\"]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the endpoints in " + hub.nameValue() + " (" + cidr + ")"));
      }
    }
    return new ModuleCall(
        label,
        "recovery-instance-security-group",
        "For failback to on-premises: recovery instances in " + recovery.nameValue() + " accept the DRS Failback Client on TCP 1500 and reach the endpoints on TCP 443.",
        recovery.region(),
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        List.of(
            new Argument("name", Hcl.str(prefix + "-" + recovery.nameValue())),
            new Argument("vpc_id", Hcl.ref(vpcRef(recovery))),
            new Argument("failback_client_cidrs", Hcl.strings(clientCidrs)),
            sameVpc
                ? new Argument("endpoint_security_group_id", Hcl.ref(endpoints.output("security_group_id")))
                : new Argument("endpoint_cidrs", Hcl.strings(hub.cidrValues())),
            tags()),
        resources);
  }

  private ModuleCall privateStaging(Vpc hub, ProviderConfig provider, Partition partition, String region, ModuleCall endpoints) {
    String label = Labels.of("private_staging", hub.nameValue());
    String module = "module." + label;
    return new ModuleCall(
        label,
        "private-staging",
        "staging_private: the replication servers in " + hub.nameValue() + " have no internet path, so EC2 and S3 are reached through endpoints.",
        region,
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        List.of(
            new Argument("name", Hcl.str(prefix + "-" + hub.nameValue())),
            new Argument("vpc_id", Hcl.ref(vpcRef(hub))),
            new Argument("subnet_ids", Hcl.strings(hub.endpointSubnetIds().stream().map(l -> l.value()).toList())),
            new Argument("security_group_ids", new Hcl.ListOf(List.of(Hcl.ref(endpoints.output("security_group_id"))))),
            new Argument("ec2_service_name", Hcl.str(partition.endpointServiceName(region, "ec2"))),
            new Argument("s3_service_name", Hcl.str(partition.endpointServiceName(region, "s3"))),
            new Argument("route_table_ids", Hcl.strings(hub.routeTableIds().stream().map(l -> l.value()).toList())),
            tags()),
        List.of(
            resource(provider, module + ".aws_vpc_endpoint.ec2", "aws_vpc_endpoint", "interface endpoint " + partition.endpointServiceName(region, "ec2") + " (private DNS on)"),
            resource(provider, module + ".aws_vpc_endpoint.s3_gateway", "aws_vpc_endpoint", "gateway endpoint " + partition.endpointServiceName(region, "s3") + " on the staging route tables")));
  }

  private ModuleCall zone(String service, String zoneName, String region, Vpc home, ProviderConfig provider, ModuleCall endpoints, boolean wildcard) {
    String label = Labels.of("dns", service, region);
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".terraform_data.home_vpc", "terraform_data", "remembers " + home.nameValue() + ", so a zone whose first VPC changes is replaced"));
    resources.add(resource(provider, module + ".aws_route53_zone.this", "aws_route53_zone", "private hosted zone " + zoneName + " (first associated with " + home.nameValue() + ")"));
    resources.add(resource(provider, module + ".aws_route53_record.apex", "aws_route53_record", "alias A " + zoneName + " -> " + service + " endpoint"));
    if (wildcard) {
      resources.add(resource(provider, module + ".aws_route53_record.wildcard[0]", "aws_route53_record", "alias A *." + zoneName + " -> s3 endpoint (bucket names)"));
    }
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("zone_name", Hcl.str(zoneName)));
    arguments.add(new Argument("vpc_id", Hcl.ref(vpcRef(home))));
    arguments.add(new Argument("vpc_region", Hcl.str(home.region())));
    arguments.add(new Argument("alias_dns_name", Hcl.ref(endpoints.output(service + "_dns_name"))));
    arguments.add(new Argument("alias_hosted_zone_id", Hcl.ref(endpoints.output(service + "_hosted_zone_id"))));
    if (wildcard) {
      arguments.add(new Argument("include_wildcard", new Hcl.Bool(true)));
    }
    arguments.add(tags());
    return new ModuleCall(
        label,
        "private-dns",
        wildcard
            ? "Resolves " + zoneName + " and every bucket name below it to the S3 interface endpoint."
            : "Resolves " + zoneName + " to the DRS interface endpoint, so agents need no --endpoint flag.",
        region,
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        arguments,
        resources);
  }

  private ModuleCall association(String region, Vpc consumer, Vpc hub, Vpc zoneHome, ProviderConfig zoneProvider, Map<String, ModuleCall> zones) {
    ProviderConfig vpcProvider = providers.of(consumer);
    boolean crossAccount = !providers.sameAccount(consumer, zoneHome);
    // One block per region's zones and VPC provider; the zone's provider follows from the region.
    ModuleGroup group =
        new ModuleGroup(
            Labels.of("dns", region, "for", vpcProvider.alias()),
            "Associates the " + region + " DRS and S3 zones with the VPCs of " + vpcProvider.reference() + ", one instance per VPC."
                + (crossAccount ? " Cross-account: the zone's account authorizes, the VPC's account associates." : ""),
            Set.of("zone_ids", "vpc_region", "cross_account"));
    String label = Labels.of("dns", region, consumer.nameValue());
    String module = ModuleCall.addressOf(group, label, consumer.nameValue());
    List<Map.Entry<String, Hcl>> zoneIds = new ArrayList<>();
    List<PlannedResource> resources = new ArrayList<>();
    for (String zoneName : new TreeSet<>(zones.keySet())) {
      zoneIds.add(Map.entry(zoneName, Hcl.ref(zones.get(zoneName).output("zone_id"))));
      if (crossAccount) {
        resources.add(resource(zoneProvider, module + ".aws_route53_vpc_association_authorization.this[\"" + zoneName + "\"]", "aws_route53_vpc_association_authorization", "let the account of " + consumer.nameValue() + " associate " + zoneName));
      }
      resources.add(resource(vpcProvider, module + ".aws_route53_zone_association.this[\"" + zoneName + "\"]", "aws_route53_zone_association", "associate " + zoneName + " with " + consumer.nameValue() + " (" + consumer.region() + ")"));
    }
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("zone_ids", new Hcl.MapOf(zoneIds)));
    arguments.add(new Argument("vpc_id", Hcl.ref(vpcRef(consumer))));
    arguments.add(new Argument("vpc_region", Hcl.str(consumer.region())));
    if (crossAccount) {
      arguments.add(new Argument("cross_account", new Hcl.Bool(true)));
    }
    List<Map.Entry<String, String>> providerMap = new ArrayList<>();
    providerMap.add(Map.entry("aws.zone_owner", zoneProvider.reference()));
    providerMap.add(Map.entry("aws.vpc_owner", vpcProvider.reference()));
    return new ModuleCall(
        label,
        "dns-association",
        "Lets " + consumer.nameValue() + " (" + consumer.region() + ") resolve the " + region + " DRS and S3 names to the endpoints in " + hub.nameValue() + "."
            + (crossAccount ? " Cross-account: the zone's account authorizes, the VPC's account associates." : ""),
        region,
        vpcProvider.accountName(),
        providerMap,
        arguments,
        resources,
        group,
        consumer.nameValue());
  }

  private PlannedResource resource(ProviderConfig provider, String address, String type, String purpose) {
    return new PlannedResource(provider.region(), provider.accountName(), address, type, purpose);
  }

  static String vpcRef(Providers providers, Vpc vpc) {
    return VpcLookup.address(providers.of(vpc).alias(), vpc.nameValue()) + ".id";
  }

  private String vpcRef(Vpc vpc) {
    return vpcRef(providers, vpc);
  }

  static Argument tags() {
    return new Argument("tags", Hcl.ref("local.tags"));
  }

  static Map<String, List<Flow>> byRegion(List<Flow> flows) {
    Map<String, List<Flow>> result = new LinkedHashMap<>();
    flows.stream()
        .sorted(Order.by(Flow::region))
        .forEach(f -> result.computeIfAbsent(f.region(), k -> new ArrayList<>()).add(f));
    return result;
  }
}
