package drslink.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.TagResourceType;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * {@link Cloud} over the AWS SDK: EC2 and Route 53 Describe/List/Get calls, DRS through {@link
 * DrsReader}. Answers are cached for the run, since verify asks about the same VPC for every path.
 * Lookups by id use filters, so an id that does not exist is an empty answer, not an error.
 */
final class SdkCloud implements Cloud {
  private final AwsAccess aws;
  private final DrsReader drs;
  private final ResolverReader resolver;
  private final Map<String, FutureTask<Object>> cache = new ConcurrentHashMap<>();

  SdkCloud(AwsAccess aws, ObjectMapper json) {
    this.aws = aws;
    this.drs = new DrsReader(aws, json);
    this.resolver = new ResolverReader(aws, json);
  }

  /**
   * One read per key and run, safe for the threads of {@link Prefetch}: the first caller of a key reads,
   * the others wait for its answer. A failed read is kept too: asking again would fail again, after the
   * SDK's retries. The failure becomes a {@link Cloud.Unreadable} naming the cause and the call.
   */
  @SuppressWarnings("unchecked")
  private <T> T cached(String key, Place place, Supplier<T> read) {
    FutureTask<Object> task =
        new FutureTask<>(
            () -> {
              try {
                return read.get();
              } catch (SdkException e) {
                String call = aws.guard().lastCallOfThisThread();
                return ReadFailure.of(e, call, place, ReadFailure.endpoint(aws.endpoint(), call, place.region()));
              }
            });
    FutureTask<Object> known = cache.putIfAbsent(key, task);
    if (known == null) {
      task.run();
      known = task;
    }
    Object value;
    try {
      value = known.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cloud.Unreadable("interrupted while reading " + key, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    if (value instanceof Cloud.Unreadable u) {
      throw u;
    }
    return (T) value;
  }

  private static Filter filter(String name, String... values) {
    return Filter.builder().name(name).values(values).build();
  }

  @Override
  public Optional<VpcInfo> vpc(Place place, String vpcId) {
    return cached(
        "vpc|" + place + "|" + vpcId, place,
        () -> {
          Ec2Client ec2 = aws.ec2(place);
          var found = ec2.describeVpcs(r -> r.filters(filter("vpc-id", vpcId))).vpcs();
          if (found.isEmpty()) {
            return Optional.<VpcInfo>empty();
          }
          var v = found.get(0);
          List<String> cidrs = new ArrayList<>();
          cidrs.add(v.cidrBlock());
          v.cidrBlockAssociationSet().stream()
              .filter(a -> a.cidrBlockState() == null || "associated".equals(a.cidrBlockState().stateAsString()))
              .map(a -> a.cidrBlock())
              .filter(c -> !cidrs.contains(c))
              .forEach(cidrs::add);
          // An answer without the attribute reads as off: the check then says so rather than failing.
          var supportValue = ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT)).enableDnsSupport();
          var hostnamesValue = ec2.describeVpcAttribute(r -> r.vpcId(vpcId).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES)).enableDnsHostnames();
          boolean support = supportValue != null && Boolean.TRUE.equals(supportValue.value());
          boolean hostnames = hostnamesValue != null && Boolean.TRUE.equals(hostnamesValue.value());
          return Optional.of(new VpcInfo(vpcId, cidrs, support, hostnames, v.dhcpOptionsId()));
        });
  }

  @Override
  public List<SubnetInfo> subnets(Place place, String vpcId) {
    return cached(
        "subnets|" + place + "|" + vpcId, place, () -> readSubnets(place, vpcId));
  }

  private List<SubnetInfo> readSubnets(Place place, String... vpcIds) {
    return aws.ec2(place).describeSubnetsPaginator(r -> r.filters(filter("vpc-id", vpcIds))).subnets().stream()
        .map(s -> new SubnetInfo(s.subnetId(), s.vpcId(), s.cidrBlock(), s.availabilityZone()))
        .toList();
  }

  @Override
  public Optional<SubnetInfo> subnet(Place place, String subnetId) {
    return cached(
        "subnet|" + place + "|" + subnetId, place,
        () -> aws.ec2(place).describeSubnets(r -> r.filters(filter("subnet-id", subnetId))).subnets().stream()
            .findFirst()
            .map(s -> new SubnetInfo(s.subnetId(), s.vpcId(), s.cidrBlock(), s.availabilityZone())));
  }

  @Override
  public List<RouteTable> routeTables(Place place, String vpcId) {
    return cached("rtbs|" + place + "|" + vpcId, place, () -> readRouteTables(place, filter("vpc-id", vpcId)));
  }

  @Override
  public Optional<RouteTable> routeTable(Place place, String routeTableId) {
    return cached("rtb|" + place + "|" + routeTableId, place, () -> readRouteTables(place, filter("route-table-id", routeTableId)).stream().findFirst());
  }

  private List<RouteTable> readRouteTables(Place place, Filter f) {
    return aws.ec2(place).describeRouteTablesPaginator(r -> r.filters(f)).routeTables().stream()
        .map(
            t ->
                new RouteTable(
                    t.routeTableId(),
                    t.vpcId(),
                    t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main())),
                    t.associations().stream().map(a -> a.subnetId()).filter(s -> s != null).toList(),
                    routes(place, t.routes())))
        .toList();
  }

  /**
   * IPv4 routes; a route to a managed prefix list becomes one route per CIDR of the list, since AWS matches
   * each of them like a CIDR route (https://docs.aws.amazon.com/vpc/latest/userguide/route-tables-priority.html,
   * "Prefix lists"; entries from GetManagedPrefixListEntries).
   */
  private List<Route> routes(Place place, List<software.amazon.awssdk.services.ec2.model.Route> routes) {
    List<Route> out = new ArrayList<>();
    for (var r : routes) {
      if (r.destinationCidrBlock() != null) {
        out.add(new Route(r.destinationCidrBlock(), target(r), r.stateAsString()));
      } else if (r.destinationPrefixListId() != null) {
        for (String cidr : prefixList(place, r.destinationPrefixListId())) {
          out.add(new Route(cidr, target(r), r.stateAsString(), r.destinationPrefixListId()));
        }
      }
    }
    return out;
  }

  private List<String> prefixList(Place place, String id) {
    return cached(
        "pl|" + place + "|" + id, place,
        () -> aws.ec2(place).getManagedPrefixListEntriesPaginator(r -> r.prefixListId(id)).entries().stream().map(e -> e.cidr()).filter(c -> c != null && c.contains(".")).toList());
  }

  private static String target(software.amazon.awssdk.services.ec2.model.Route r) {
    for (String t : new String[] {r.vpcPeeringConnectionId(), r.transitGatewayId(), r.gatewayId(), r.natGatewayId(), r.networkInterfaceId(), r.instanceId(), r.localGatewayId(), r.coreNetworkArn()}) {
      if (t != null) {
        return t;
      }
    }
    return "unknown";
  }

  @Override
  public List<SecurityGroup> securityGroups(Place place, String vpcId) {
    return cached(
        "sgs|" + place + "|" + vpcId, place,
        () -> aws.ec2(place).describeSecurityGroupsPaginator(r -> r.filters(filter("vpc-id", vpcId))).securityGroups().stream()
            .map(g -> new SecurityGroup(g.groupId(), g.vpcId(), g.groupName(), tags(g.tags()), permissions(g.ipPermissions())))
            .toList());
  }

  /** A tag's value may be empty, and an answer may leave it out: both read as "" (toMap refuses null values). */
  private static Map<String, String> tags(List<Tag> tags) {
    return tags.stream().filter(t -> t.key() != null).collect(Collectors.toMap(Tag::key, t -> t.value() == null ? "" : t.value(), (a, b) -> a));
  }

  private static List<Permission> permissions(List<IpPermission> perms) {
    List<Permission> out = new ArrayList<>();
    for (IpPermission p : perms) {
      int from = p.fromPort() == null ? -1 : p.fromPort();
      int to = p.toPort() == null ? -1 : p.toPort();
      p.ipRanges().stream().filter(range -> range.cidrIp() != null).forEach(range -> out.add(new Permission(p.ipProtocol() == null ? "-1" : p.ipProtocol(), from, to, range.cidrIp())));
    }
    return out;
  }

  @Override
  public List<NetworkAcl> networkAcls(Place place, String vpcId) {
    return cached(
        "acls|" + place + "|" + vpcId, place, () -> readAcls(place, vpcId));
  }

  private List<NetworkAcl> readAcls(Place place, String... vpcIds) {
    return aws.ec2(place).describeNetworkAclsPaginator(r -> r.filters(filter("vpc-id", vpcIds))).networkAcls().stream()
            .map(
                a ->
                    new NetworkAcl(
                        a.networkAclId(),
                        a.vpcId(),
                        Boolean.TRUE.equals(a.isDefault()),
                        a.associations().stream().map(x -> x.subnetId()).filter(x -> x != null).toList(),
                        a.entries().stream()
                            .filter(e -> e.cidrBlock() != null && e.ruleNumber() != null)
                            .map(
                                e ->
                                    new AclEntry(
                                        e.ruleNumber(),
                                        Boolean.TRUE.equals(e.egress()),
                                        e.protocol(),
                                        e.portRange() == null || e.portRange().from() == null ? 0 : e.portRange().from(),
                                        e.portRange() == null || e.portRange().to() == null ? 65535 : e.portRange().to(),
                                        e.cidrBlock(),
                                        "allow".equalsIgnoreCase(e.ruleActionAsString())))
                            .toList()))
            .toList();
  }

  @Override
  public List<Endpoint> endpoints(Place place, String vpcId) {
    return cached(
        "vpce|" + place + "|" + vpcId, place,
        () -> aws.ec2(place).describeVpcEndpointsPaginator(r -> r.filters(filter("vpc-id", vpcId))).vpcEndpoints().stream()
            .map(
                e ->
                    new Endpoint(
                        e.vpcEndpointId(),
                        e.vpcId(),
                        e.serviceName(),
                        e.vpcEndpointTypeAsString(),
                        e.stateAsString(),
                        e.subnetIds(),
                        e.groups().stream().map(g -> g.groupId()).toList(),
                        Boolean.TRUE.equals(e.privateDnsEnabled()),
                        e.dnsEntries().stream().map(d -> d.dnsName()).filter(d -> d != null).toList(),
                        tags(e.tags())))
            .toList());
  }

  @Override
  public Map<String, Set<String>> endpointServiceZones(Place place, List<String> serviceNames) {
    return cached(
        "services|" + place + "|" + serviceNames, place,
        () -> {
          Map<String, Set<String>> out = new HashMap<>();
          aws.ec2(place)
              .describeVpcEndpointServices(r -> r.serviceNames(serviceNames))
              .serviceDetails()
              .forEach(d -> out.computeIfAbsent(d.serviceName(), k -> new TreeSet<>()).addAll(d.availabilityZones()));
          return out;
        });
  }

  @Override
  public int activePeerings(Place place, String vpcId) {
    Set<String> counted = Set.of("active", "pending-acceptance", "provisioning");
    return (int) peerings(place, vpcId).stream().filter(p -> counted.contains(p.status())).count();
  }

  @Override
  public List<Peering> peerings(Place place, String vpcId) {
    return cached(
        "pcx|" + place + "|" + vpcId, place, () -> readPeerings(place, vpcId));
  }

  private List<Peering> readPeerings(Place place, String... vpcIds) {
          Map<String, Peering> byId = new java.util.TreeMap<>();
          for (String side : List.of("requester-vpc-info.vpc-id", "accepter-vpc-info.vpc-id")) {
            aws.ec2(place)
                .describeVpcPeeringConnectionsPaginator(r -> r.filters(filter(side, vpcIds)))
                .vpcPeeringConnections()
                .forEach(
                    p -> byId.put(
                        p.vpcPeeringConnectionId(),
                        new Peering(
                            p.vpcPeeringConnectionId(),
                            p.requesterVpcInfo() == null ? null : p.requesterVpcInfo().vpcId(),
                            p.accepterVpcInfo() == null ? null : p.accepterVpcInfo().vpcId(),
                            p.status() == null ? null : p.status().codeAsString())));
          }
          return List.copyOf(byId.values());
  }

  /**
   * Reads subnets, route tables, network ACLs and peerings of many VPCs of one place with one request each
   * (a vpc-id filter of up to 100 values, in chunks), and caches each VPC's share under the key its own
   * read would use: at 100 sources, 500 calls fewer. A batch that fails leaves the keys to the per-VPC reads,
   * which then report the failure in their unit.
   */
  @Override
  public void prefetch(Place place, List<String> vpcIds) {
    for (int from = 0; from < vpcIds.size(); from += 100) {
      String[] ids = vpcIds.subList(from, Math.min(vpcIds.size(), from + 100)).toArray(String[]::new);
      batch("subnets", place, ids, () -> readSubnets(place, ids), s -> List.of(s.vpcId()));
      batch("rtbs", place, ids, () -> readRouteTables(place, filter("vpc-id", ids)), t -> List.of(t.vpcId()));
      batch("acls", place, ids, () -> readAcls(place, ids), a -> List.of(a.vpcId()));
      batch("pcx", place, ids, () -> readPeerings(place, ids), pcx -> java.util.Arrays.asList(pcx.requesterVpcId(), pcx.accepterVpcId()));
    }
  }

  private <T> void batch(String kind, Place place, String[] ids, Supplier<List<T>> read, java.util.function.Function<T, List<String>> vpcsOf) {
    List<T> all;
    try {
      all = read.get();
    } catch (SdkException e) {
      return;
    }
    for (String id : ids) {
      List<T> mine = all.stream().filter(x -> vpcsOf.apply(x).contains(id)).toList();
      FutureTask<Object> done = new FutureTask<>(() -> mine);
      done.run();
      cache.putIfAbsent(kind + "|" + place + "|" + id, done);
    }
  }

  @Override
  public List<ResolverRule> resolverRules(Place place, String vpcId) {
    return cached("resolver|" + place + "|" + vpcId, place, () -> resolver.rules(place, vpcId));
  }

  @Override
  public List<ResolverEndpoint> inboundResolverEndpoints(Place place, String vpcId) {
    return cached("resolverEndpoints|" + place + "|" + vpcId, place, () -> resolver.inboundEndpoints(place, vpcId));
  }

  @Override
  public Optional<TgwAttachment> tgwAttachment(Place place, String attachmentId) {
    return cached(
        "tgwa|" + place + "|" + attachmentId, place,
        () -> {
          Ec2Client ec2 = aws.ec2(place);
          var found = ec2.describeTransitGatewayVpcAttachments(r -> r.filters(filter("transit-gateway-attachment-id", attachmentId))).transitGatewayVpcAttachments();
          if (found.isEmpty()) {
            return Optional.<TgwAttachment>empty();
          }
          var a = found.get(0);
          String associated =
              ec2.describeTransitGatewayAttachments(r -> r.filters(filter("transit-gateway-attachment-id", attachmentId))).transitGatewayAttachments().stream()
                  .map(x -> x.association())
                  .filter(x -> x != null && "associated".equals(x.stateAsString()))
                  .map(x -> x.transitGatewayRouteTableId())
                  .findFirst()
                  .orElse(null);
          return Optional.of(new TgwAttachment(a.transitGatewayAttachmentId(), a.transitGatewayId(), a.vpcId(), a.stateAsString(), a.subnetIds(), associated));
        });
  }

  @Override
  public Optional<String> tgwRouteTableGateway(Place place, String routeTableId) {
    return cached(
        "tgwrtb|" + place + "|" + routeTableId, place,
        () -> aws.ec2(place).describeTransitGatewayRouteTables(r -> r.filters(filter("transit-gateway-route-table-id", routeTableId))).transitGatewayRouteTables().stream()
            .findFirst()
            .map(t -> t.transitGatewayId()));
  }

  @Override
  public List<Route> tgwRoutes(Place place, String routeTableId) {
    return cached(
        "tgwroutes|" + place + "|" + routeTableId, place,
        () -> aws.ec2(place).searchTransitGatewayRoutes(r -> r.transitGatewayRouteTableId(routeTableId).filters(filter("state", "active", "blackhole")).maxResults(1000)).routes().stream()
            .filter(x -> x.destinationCidrBlock() != null)
            .map(
                x -> new Route(
                    x.destinationCidrBlock(),
                    x.transitGatewayAttachments().isEmpty() ? "blackhole" : x.transitGatewayAttachments().get(0).transitGatewayAttachmentId(),
                    x.stateAsString()))
            .toList());
  }

  @Override
  public List<String> dhcpDnsServers(Place place, String dhcpOptionsId) {
    return cached(
        "dhcp|" + place + "|" + dhcpOptionsId, place,
        () -> aws.ec2(place).describeDhcpOptions(r -> r.filters(filter("dhcp-options-id", dhcpOptionsId))).dhcpOptions().stream()
            .flatMap(d -> d.dhcpConfigurations().stream())
            .filter(c -> "domain-name-servers".equals(c.key()))
            .flatMap(c -> c.values().stream().map(v -> v.value()).filter(v -> v != null))
            .toList());
  }

  @Override
  public List<ZoneRef> zonesOf(Place place, String vpcId) {
    return cached(
        "zones|" + place + "|" + vpcId, place,
        () -> {
          List<ZoneRef> out = new ArrayList<>();
          var route53 = aws.route53(place);
          String token = null;
          do {
            String next = token;
            var page = route53.listHostedZonesByVPC(r -> r.vpcId(vpcId).vpcRegion(VPCRegion.fromValue(place.region())).nextToken(next));
            for (HostedZoneSummary z : page.hostedZoneSummaries()) {
              out.add(new ZoneRef(z.hostedZoneId(), z.name(), z.owner() == null ? null : z.owner().owningAccount()));
            }
            token = page.nextToken();
          } while (token != null && !token.isEmpty());
          return out;
        });
  }

  @Override
  public Map<String, String> zoneTags(Place zoneOwner, String zoneId) {
    return cached(
        "zonetags|" + zoneOwner + "|" + zoneId, zoneOwner,
        () -> aws.route53(zoneOwner).listTagsForResource(r -> r.resourceType(TagResourceType.HOSTEDZONE).resourceId(zoneId)).resourceTagSet().tags().stream()
            .filter(t -> t.key() != null)
            .collect(Collectors.toMap(t -> t.key(), t -> t.value() == null ? "" : t.value(), (a, b) -> a)));
  }

  @Override
  public List<RecordSet> records(Place zoneOwner, String zoneId) {
    return cached(
        "records|" + zoneOwner + "|" + zoneId, zoneOwner,
        () -> aws.route53(zoneOwner).listResourceRecordSetsPaginator(r -> r.hostedZoneId(zoneId)).resourceRecordSets().stream()
            .map((ResourceRecordSet s) -> new RecordSet(s.name(), s.typeAsString(), s.aliasTarget() == null ? null : s.aliasTarget().dnsName()))
            .toList());
  }

  @Override
  public DrsState drs(Place place) {
    return cached("drs|" + place, place, () -> drs.read(place));
  }

  @Override
  public List<SourceServer> sourceServers(Place place) {
    return cached("sourceServers|" + place, place, () -> drs.sourceServers(place));
  }

  @Override
  public Optional<LaunchSettings> launchSettings(Place place, String sourceServerId) {
    return cached(
        "launch|" + place + "|" + sourceServerId, place,
        () ->
            drs.launchTemplateId(place, sourceServerId)
                .flatMap(
                    template ->
                        aws.ec2(place).describeLaunchTemplateVersions(r -> r.launchTemplateId(template).versions("$Default")).launchTemplateVersions().stream()
                            .findFirst()
                            .map(
                                v -> {
                                  var data = v.launchTemplateData() == null ? software.amazon.awssdk.services.ec2.model.ResponseLaunchTemplateData.builder().build() : v.launchTemplateData();
                                  var nic = data.networkInterfaces().stream().filter(n -> n.deviceIndex() == null || n.deviceIndex() == 0).findFirst();
                                  String subnet = nic.map(n -> n.subnetId()).orElse(null);
                                  List<String> groups = nic.map(n -> n.groups()).filter(g -> !g.isEmpty()).orElse(data.securityGroupIds());
                                  return new LaunchSettings(template, subnet, List.copyOf(groups));
                                })));
  }
}
