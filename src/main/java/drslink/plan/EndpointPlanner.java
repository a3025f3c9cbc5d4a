package drslink.plan;

import drslink.model.AwsRegions;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.Vpc;
import drslink.model.derived.Labels;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.Collections;
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
  private final ReplicationModel model;
  private final Providers providers;

  EndpointPlanner(ReplicationModel model, Providers providers) {
    this.model = model;
    this.providers = providers;
  }

  /** The plan for one region: what its hub needs, as the model worked it out. */
  RegionPlan plan(ReplicationModel.Hub inbound) {
    String region = inbound.region();
    Vpc hub = inbound.vpc();
    Partition partition = AwsRegions.partition(region);
    ProviderConfig hubProvider = providers.of(hub);
    Map<String, List<String>> replicationCidrs = inbound.replicationCidrs();
    List<String> httpsCidrs = inbound.httpsCidrs();
    Map<String, Vpc> consumers = inbound.associations();
    Vpc zoneHome = inbound.zoneHome();
    boolean failbackOnly = inbound.failbackOnly();
    ProviderConfig zoneProvider = providers.of(zoneHome);

    List<ModuleCall> modules = new ArrayList<>();
    ModuleCall endpoints = endpoints(inbound, hubProvider, partition, httpsCidrs);
    modules.add(endpoints);
    Map<String, ModuleCall> replicationGroups = new TreeMap<>();
    replicationCidrs.forEach((vpcName, cidrs) -> replicationGroups.put(vpcName, replicationGroup(inbound, inbound.stagingVpcs().get(vpcName), cidrs, endpoints)));
    modules.addAll(replicationGroups.values());
    if (hub.isStagingPrivate()) {
      modules.add(privateStaging(inbound, hubProvider, partition, endpoints));
    }
    String drsZone = partition.serviceHostname(region, "drs");
    String s3Zone = partition.serviceHostname(region, "s3");
    ModuleCall drsDns = zone(inbound, "drs", drsZone, zoneProvider, endpoints, false);
    ModuleCall s3Dns = zone(inbound, "s3", s3Zone, zoneProvider, endpoints, true);
    modules.add(drsDns);
    modules.add(s3Dns);
    for (Vpc consumer : consumers.values()) {
      modules.add(association(inbound, consumer, zoneProvider, Map.of(drsZone, drsDns, s3Zone, s3Dns)));
    }
    List<String> resolverClients = inbound.resolverClients();
    ModuleCall resolver = null;
    if (!resolverClients.isEmpty()) {
      resolver = resolverInbound(inbound, hubProvider, resolverClients);
      modules.add(resolver);
    }
    Map<String, ModuleCall> recoveryGroups = new TreeMap<>();
    inbound.recoveryClients().forEach((vpcName, cidrs) -> recoveryGroups.put(vpcName, recoveryGroup(inbound, inbound.stagingVpcs().get(vpcName), endpoints, cidrs)));
    modules.addAll(recoveryGroups.values());
    return new RegionPlan(region, hub, partition, modules, endpoints, Map.of(drsZone, drsDns, s3Zone, s3Dns), replicationGroups, inbound.onPremises(), resolver, recoveryGroups);
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
      Map<String, ModuleCall> recoveryGroups) {
    RegionPlan {
      recoveryGroups = Collections.unmodifiableMap(new TreeMap<>(recoveryGroups));
      onPremises = List.copyOf(onPremises);
      modules = List.copyOf(modules);
      zones = Collections.unmodifiableMap(new TreeMap<>(zones));
      replicationGroups = Collections.unmodifiableMap(new TreeMap<>(replicationGroups));
    }
  }

  private ModuleCall endpoints(ReplicationModel.Hub inbound, ProviderConfig provider, Partition partition, List<String> httpsCidrs) {
    Vpc hub = inbound.vpc();
    String region = inbound.region();
    String label = inbound.endpointsLabel();
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
            new Argument("name", Hcl.str(model.resourceName(hub))),
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
  private ModuleCall replicationGroup(ReplicationModel.Hub inbound, Vpc staging, List<String> cidrs, ModuleCall endpoints) {
    ProviderConfig provider = providers.of(staging);
    String label = inbound.replicationGroupLabel(staging);
    String module = "module." + label;
    List<PlannedResource> resources = new ArrayList<>();
    resources.add(resource(provider, module + ".aws_security_group.this", "aws_security_group", "replication server security group in " + staging.nameValue()));
    for (String cidr : cidrs) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_ingress_rule.replication[\"" + cidr + "\"]", "aws_vpc_security_group_ingress_rule", "allow TCP 1500 from " + cidr));
    }
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("name", Hcl.str(model.resourceName(staging))));
    arguments.add(new Argument("vpc_id", Hcl.ref(vpcRef(staging))));
    arguments.add(new Argument("replication_ingress_cidrs", Hcl.strings(cidrs)));
    if (staging.isStagingPrivate()) {
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_endpoints[0]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the DRS, S3 and EC2 interface endpoints only"));
      resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_s3_gateway[0]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the S3 gateway endpoint's prefix list"));
      arguments.add(new Argument("private_https_egress", new Hcl.Bool(true)));
      arguments.add(new Argument("endpoint_security_group_id", Hcl.ref(endpoints.output("security_group_id"))));
      arguments.add(new Argument("s3_prefix_list_id", Hcl.ref("module." + Labels.of("private_staging", staging.nameValue()) + ".s3_prefix_list_id")));
      if (staging.reusedEc2Endpoint() != null) {
        // The existing EC2 endpoint has its owner's security group; HTTPS to the VPC's CIDRs reaches it.
        for (String cidr : staging.cidrValues()) {
          resources.add(resource(provider, module + ".aws_vpc_security_group_egress_rule.https_to_vpc[\"" + cidr + "\"]", "aws_vpc_security_group_egress_rule", "allow TCP 443 out to the existing EC2 interface endpoint in " + staging.nameValue() + " (" + cidr + ")"));
        }
        arguments.add(new Argument("vpc_https_cidrs", Hcl.strings(staging.cidrValues())));
      }
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
  private ModuleCall resolverInbound(ReplicationModel.Hub inbound, ProviderConfig provider, List<String> clientCidrs) {
    Vpc hub = inbound.vpc();
    String region = inbound.region();
    String label = inbound.resolverLabel();
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
            new Argument("name", Hcl.str(model.resourceName(hub))),
            new Argument("vpc_id", Hcl.ref(vpcRef(hub))),
            new Argument("subnet_ids", Hcl.strings(hub.endpointSubnetIds().stream().map(l -> l.value()).toList())),
            new Argument("dns_ingress_cidrs", Hcl.strings(clientCidrs)),
            tags()),
        resources);
  }

  /** Failback to on-premises: recovery instances take TCP 1500 from the Failback Client and reach the endpoints on 443. */
  private ModuleCall recoveryGroup(ReplicationModel.Hub inbound, Vpc recovery, ModuleCall endpoints, List<String> clientCidrs) {
    Vpc hub = inbound.vpc();
    ProviderConfig provider = providers.of(recovery);
    String label = inbound.recoveryGroupLabel(recovery.nameValue());
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
            new Argument("name", Hcl.str(model.resourceName(recovery))),
            new Argument("vpc_id", Hcl.ref(vpcRef(recovery))),
            new Argument("failback_client_cidrs", Hcl.strings(clientCidrs)),
            sameVpc
                ? new Argument("endpoint_security_group_id", Hcl.ref(endpoints.output("security_group_id")))
                : new Argument("endpoint_cidrs", Hcl.strings(hub.cidrValues())),
            tags()),
        resources);
  }

  private ModuleCall privateStaging(ReplicationModel.Hub inbound, ProviderConfig provider, Partition partition, ModuleCall endpoints) {
    Vpc hub = inbound.vpc();
    String region = inbound.region();
    String label = inbound.privateStagingLabel();
    String module = "module." + label;
    List<String> reused = new ArrayList<>();
    if (hub.reusedEc2Endpoint() != null) {
      reused.add("the existing EC2 endpoint " + hub.reusedEc2Endpoint());
    }
    if (hub.reusedS3GatewayEndpoint() != null) {
      reused.add("the existing S3 gateway endpoint " + hub.reusedS3GatewayEndpoint());
    }
    String description =
        "staging_private: the replication servers in " + hub.nameValue() + " have no internet path, so EC2 and S3 are reached through endpoints."
            + (reused.isEmpty() ? "" : " Reuses " + String.join(" and ", reused) + " (read, not managed).");
    List<Argument> arguments =
        new ArrayList<>(List.of(
            new Argument("name", Hcl.str(model.resourceName(hub))),
            new Argument("vpc_id", Hcl.ref(vpcRef(hub))),
            new Argument("subnet_ids", Hcl.strings(hub.endpointSubnetIds().stream().map(l -> l.value()).toList())),
            new Argument("security_group_ids", new Hcl.ListOf(List.of(Hcl.ref(endpoints.output("security_group_id"))))),
            new Argument("ec2_service_name", Hcl.str(partition.endpointServiceName(region, "ec2"))),
            new Argument("s3_service_name", Hcl.str(partition.endpointServiceName(region, "s3"))),
            new Argument("route_table_ids", Hcl.strings(hub.routeTableIds().stream().map(l -> l.value()).toList())),
            tags()));
    // existing_staging_endpoints: a second private-DNS EC2 endpoint, or a second S3 gateway on the same route
    // tables, would be refused by AWS, so the named ones are read instead of created (modules/private-staging).
    List<PlannedResource> resources = new ArrayList<>();
    String ec2 = hub.reusedEc2Endpoint();
    String s3Gateway = hub.reusedS3GatewayEndpoint();
    if (ec2 == null) {
      resources.add(resource(provider, module + ".aws_vpc_endpoint.ec2[0]", "aws_vpc_endpoint", "interface endpoint " + partition.endpointServiceName(region, "ec2") + " (private DNS on)"));
    } else {
      arguments.add(arguments.size() - 1, new Argument("existing_ec2_endpoint_id", Hcl.str(ec2)));
    }
    if (s3Gateway == null) {
      resources.add(resource(provider, module + ".aws_vpc_endpoint.s3_gateway[0]", "aws_vpc_endpoint", "gateway endpoint " + partition.endpointServiceName(region, "s3") + " on the staging route tables"));
    } else {
      arguments.add(arguments.size() - 1, new Argument("existing_s3_gateway_endpoint_id", Hcl.str(s3Gateway)));
    }
    return new ModuleCall(
        label,
        "private-staging",
        description,
        region,
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        arguments,
        resources);
  }

  private ModuleCall zone(ReplicationModel.Hub inbound, String service, String zoneName, ProviderConfig provider, ModuleCall endpoints, boolean wildcard) {
    String region = inbound.region();
    Vpc home = inbound.zoneHome();
    String label = inbound.zoneLabel(service);
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

  private ModuleCall association(ReplicationModel.Hub inbound, Vpc consumer, ProviderConfig zoneProvider, Map<String, ModuleCall> zones) {
    String region = inbound.region();
    Vpc hub = inbound.vpc();
    Vpc zoneHome = inbound.zoneHome();
    ProviderConfig vpcProvider = providers.of(consumer);
    boolean crossAccount = !providers.sameAccount(consumer, zoneHome);
    // One block per region's zones and VPC provider; the zone's provider follows from the region.
    ModuleGroup group =
        new ModuleGroup(
            Labels.of("dns", region, "for", vpcProvider.alias()),
            "Associates the " + region + " DRS and S3 zones with the VPCs of " + vpcProvider.reference() + ", one instance per VPC."
                + (crossAccount ? " Cross-account: the zone's account authorizes, the VPC's account associates." : ""),
            Set.of("zone_ids", "vpc_region", "cross_account"));
    String label = inbound.associationLabel(consumer);
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
}
