package drslink.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers as moto (and AWS) gave them for examples/tokyo-osaka after apply, kept as records (ids shortened
 * to the example's own). Tests break one thing in it, as the e2e suite does in moto. {@link #beforeApply}
 * is the same account before drslink created anything.
 */
final class RecordedCloud implements Cloud {
  static final String APP = "vpc-0a1b2c3d4e5f67890";
  static final String DR = "vpc-0fedcba9876543210";
  static final String APP_RTB = "rtb-0123456789abcdef0";
  static final String DR_RTB = "rtb-0fedcba9876543210";
  static final String STAGING = "subnet-0cccccccccccccccc";
  static final String PCX = "pcx-0c0ffee0c0ffee000";
  static final String NAT = "nat-0a0a0a0a0a0a0a0a0";
  static final String REPLICATION_SG = "sg-0aa11bb22cc33dd44";
  static final String ENDPOINT_SG = "sg-0ee55ff66aa77bb88";
  static final String DRS_ZONE = "Z0DRS0000000000000001";
  static final String S3_ZONE = "Z0S30000000000000002";
  static final Map<String, String> OURS = Map.of("ManagedBy", "drslink", "DrslinkTopology", "tokyo-osaka");

  final Map<String, VpcInfo> vpcs = new HashMap<>();
  final List<SubnetInfo> subnets = new ArrayList<>();
  final List<RouteTable> routeTables = new ArrayList<>();
  final List<SecurityGroup> groups = new ArrayList<>();
  final List<NetworkAcl> acls = new ArrayList<>();
  final List<Endpoint> endpoints = new ArrayList<>();
  /** VPC id -> zones associated with it. */
  final Map<String, List<ZoneRef>> zones = new HashMap<>();
  final Map<String, List<RecordSet>> records = new HashMap<>();
  final Map<String, DrsState> drs = new HashMap<>();
  /** Source servers by region; none unless a test adds them. */
  final Map<String, List<SourceServer>> sourceServers = new HashMap<>();
  /** Zone id -> its tags, as its owner reads them. */
  final Map<String, Map<String, String>> zoneTags = new HashMap<>();
  /** Reads that fail, by method name ("records", "drs"...): the failure every such read throws. */
  final Map<String, Cloud.Unreadable> failing = new HashMap<>();
  /** Who read what: "method place id" per read, to assert that each read used its owner's account. */
  final List<String> reads = java.util.Collections.synchronizedList(new ArrayList<>());
  int peerings = 1;
  final List<Peering> peeringList = new ArrayList<>();
  /** DHCP option set id -> its domain-name-servers. */
  final Map<String, List<String>> dhcp = new HashMap<>();

  static RecordedCloud afterApply() {
    RecordedCloud c = beforeApply();
    c.groups.add(new SecurityGroup(ENDPOINT_SG, DR, "tokyo-osaka-dr-vpce", Map.of("Name", "tokyo-osaka-dr-vpce", "DrslinkTopology", "tokyo-osaka"),
        List.of(new Permission("tcp", 443, 443, "10.10.0.0/16"), new Permission("tcp", 443, 443, "10.20.0.0/16"))));
    c.groups.add(new SecurityGroup(REPLICATION_SG, DR, "tokyo-osaka-dr-replication", Map.of("Name", "tokyo-osaka-dr-replication", "DrslinkTopology", "tokyo-osaka"),
        List.of(new Permission("tcp", 1500, 1500, "10.10.0.0/16"))));
    c.endpoints.add(new Endpoint("vpce-0d0d0d0d0d0d0d0d0", DR, "com.amazonaws.ap-northeast-3.drs", "Interface", "available", List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"),
        List.of(ENDPOINT_SG), false, List.of("vpce-0d0d0d0d0d0d0d0d0-abcdefgh.drs.ap-northeast-3.vpce.amazonaws.com", "vpce-0d0d0d0d0d0d0d0d0-abcdefgh-ap-northeast-3a.drs.ap-northeast-3.vpce.amazonaws.com"), OURS));
    c.endpoints.add(new Endpoint("vpce-05050505050505050", DR, "com.amazonaws.ap-northeast-3.s3", "Interface", "available", List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"),
        List.of(ENDPOINT_SG), false, List.of("*.vpce-05050505050505050-ijklmnop.s3.ap-northeast-3.vpce.amazonaws.com"), OURS));
    for (String vpc : List.of(APP, DR)) {
      c.zones.put(vpc, new ArrayList<>(List.of(
          new ZoneRef(DRS_ZONE, "drs.ap-northeast-3.amazonaws.com.", "123456789012"),
          new ZoneRef(S3_ZONE, "s3.ap-northeast-3.amazonaws.com.", "123456789012"))));
      c.zoneTags.put(DRS_ZONE, OURS);
      c.zoneTags.put(S3_ZONE, OURS);
    }
    c.records.put(DRS_ZONE, new ArrayList<>(List.of(
        new RecordSet("drs.ap-northeast-3.amazonaws.com.", "NS", null),
        new RecordSet("drs.ap-northeast-3.amazonaws.com.", "A", "vpce-0d0d0d0d0d0d0d0d0-abcdefgh.drs.ap-northeast-3.vpce.amazonaws.com."))));
    c.records.put(S3_ZONE, new ArrayList<>(List.of(
        new RecordSet("s3.ap-northeast-3.amazonaws.com.", "A", "*.vpce-05050505050505050-ijklmnop.s3.ap-northeast-3.vpce.amazonaws.com."),
        new RecordSet("\\052.s3.ap-northeast-3.amazonaws.com.", "A", "*.vpce-05050505050505050-ijklmnop.s3.ap-northeast-3.vpce.amazonaws.com."))));
    c.drs.put("ap-northeast-3", new DrsState(true, List.of(new DrsTemplate("rct-0123456789abcdefg", STAGING, List.of(REPLICATION_SG), "PRIVATE_IP", false, OURS))));
    return c;
  }

  static final String PAYMENTS = "vpc-0aaaaaaaaaaaaaaa1";
  static final String CRM = "vpc-0bbbbbbbbbbbbbbb1";
  static final String VAULT = "vpc-0ccccccccccccccc1";

  /**
   * examples/cross-account after apply, only as far as names go: its three VPCs and the zones drslink made,
   * all owned by the dr account (444455556666), the failback ones (eu-central-1) included.
   */
  static RecordedCloud crossAccount() {
    RecordedCloud c = new RecordedCloud();
    Map<String, String> ours = Map.of("DrslinkTopology", "eu-cross-account");
    c.vpcs.put(PAYMENTS, new VpcInfo(PAYMENTS, List.of("10.1.0.0/16"), true, true, null));
    c.vpcs.put(CRM, new VpcInfo(CRM, List.of("10.2.0.0/16"), true, true, null));
    c.vpcs.put(VAULT, new VpcInfo(VAULT, List.of("10.9.0.0/16"), true, true, null));
    ZoneRef northDrs = new ZoneRef("Z0NORTHDRS", "drs.eu-north-1.amazonaws.com.", "444455556666");
    ZoneRef northS3 = new ZoneRef("Z0NORTHS3", "s3.eu-north-1.amazonaws.com.", "444455556666");
    ZoneRef centralDrs = new ZoneRef("Z0CENTRALDRS", "drs.eu-central-1.amazonaws.com.", "444455556666");
    ZoneRef centralS3 = new ZoneRef("Z0CENTRALS3", "s3.eu-central-1.amazonaws.com.", "444455556666");
    c.zones.put(PAYMENTS, new ArrayList<>(List.of(northDrs, northS3, centralDrs, centralS3)));
    c.zones.put(CRM, new ArrayList<>(List.of(northDrs, northS3)));
    c.zones.put(VAULT, new ArrayList<>(List.of(northDrs, northS3, centralDrs, centralS3)));
    for (ZoneRef z : List.of(northDrs, northS3, centralDrs, centralS3)) {
      c.zoneTags.put(z.id(), ours);
    }
    for (String[] e : new String[][] {{VAULT, "eu-north-1", "drs"}, {VAULT, "eu-north-1", "s3"}, {PAYMENTS, "eu-central-1", "drs"}, {PAYMENTS, "eu-central-1", "s3"}}) {
      c.endpoints.add(new Endpoint("vpce-0" + e[1] + e[2], e[0], "com.amazonaws." + e[1] + "." + e[2], "Interface", "available", List.of(), List.of(), false, List.of(), ours));
    }
    c.drs.put("eu-north-1", new DrsState(true, List.of(new DrsTemplate("rct-0north", "subnet-0ccccccccccccccc3", List.of(), "PRIVATE_IP", false, ours))));
    c.drs.put("eu-central-1", new DrsState(true, List.of(new DrsTemplate("rct-0central", "subnet-0aaaaaaaaaaaaaaa3", List.of(), "PRIVATE_IP", false, ours))));
    return c;
  }

  static RecordedCloud beforeApply() {
    RecordedCloud c = new RecordedCloud();
    c.peeringList.add(new Peering(PCX, APP, DR, "active"));
    c.vpcs.put(APP, new VpcInfo(APP, List.of("10.10.0.0/16"), true, true, null));
    c.vpcs.put(DR, new VpcInfo(DR, List.of("10.20.0.0/16"), true, true, null));
    c.subnets.add(new SubnetInfo("subnet-0app0000000000001", APP, "10.10.0.0/24", "ap-northeast-1a"));
    c.subnets.add(new SubnetInfo("subnet-0aaaaaaaaaaaaaaaa", DR, "10.20.0.0/24", "ap-northeast-3a"));
    c.subnets.add(new SubnetInfo("subnet-0bbbbbbbbbbbbbbbb", DR, "10.20.1.0/24", "ap-northeast-3b"));
    c.subnets.add(new SubnetInfo(STAGING, DR, "10.20.2.0/24", "ap-northeast-3a"));
    c.routeTables.add(new RouteTable("rtb-0main0app00000001", APP, true, List.of(), List.of(new Route("10.10.0.0/16", "local", "active"))));
    c.routeTables.add(new RouteTable(APP_RTB, APP, false, List.of("subnet-0app0000000000001"),
        List.of(new Route("10.10.0.0/16", "local", "active"), new Route("10.20.0.0/16", PCX, "active"))));
    c.routeTables.add(new RouteTable(DR_RTB, DR, true, List.of(),
        List.of(new Route("10.20.0.0/16", "local", "active"), new Route("10.10.0.0/16", PCX, "active"), new Route("0.0.0.0/0", NAT, "active"))));
    for (String vpc : List.of(APP, DR)) {
      c.acls.add(new NetworkAcl("acl-" + vpc.substring(4), vpc, true, List.of(), List.of(
          new AclEntry(100, false, "-1", 0, 65535, "0.0.0.0/0", true), new AclEntry(32767, false, "-1", 0, 65535, "0.0.0.0/0", false),
          new AclEntry(100, true, "-1", 0, 65535, "0.0.0.0/0", true), new AclEntry(32767, true, "-1", 0, 65535, "0.0.0.0/0", false))));
    }
    c.drs.put("ap-northeast-3", new DrsState(true, List.of()));
    return c;
  }

  @Override
  public Optional<VpcInfo> vpc(Place place, String vpcId) {
    return Optional.ofNullable(vpcs.get(vpcId));
  }

  @Override
  public List<SubnetInfo> subnets(Place place, String vpcId) {
    return subnets.stream().filter(s -> s.vpcId().equals(vpcId)).toList();
  }

  @Override
  public Optional<SubnetInfo> subnet(Place place, String subnetId) {
    return subnets.stream().filter(s -> s.id().equals(subnetId)).findFirst();
  }

  @Override
  public List<RouteTable> routeTables(Place place, String vpcId) {
    return routeTables.stream().filter(t -> t.vpcId().equals(vpcId)).toList();
  }

  @Override
  public Optional<RouteTable> routeTable(Place place, String routeTableId) {
    return routeTables.stream().filter(t -> t.id().equals(routeTableId)).findFirst();
  }

  @Override
  public List<SecurityGroup> securityGroups(Place place, String vpcId) {
    return groups.stream().filter(g -> g.vpcId().equals(vpcId)).toList();
  }

  @Override
  public List<NetworkAcl> networkAcls(Place place, String vpcId) {
    return acls.stream().filter(a -> a.vpcId().equals(vpcId)).toList();
  }

  @Override
  public List<Endpoint> endpoints(Place place, String vpcId) {
    return endpoints.stream().filter(e -> e.vpcId().equals(vpcId)).toList();
  }

  /** Service name -> the zones it is offered in, where a test narrows them; otherwise zones a, b and c. */
  final Map<String, Set<String>> serviceZones = new HashMap<>();

  @Override
  public Map<String, Set<String>> endpointServiceZones(Place place, List<String> serviceNames) {
    Map<String, Set<String>> out = new HashMap<>();
    serviceNames.forEach(s -> out.put(s, serviceZones.getOrDefault(s, Set.of(place.region() + "a", place.region() + "b", place.region() + "c"))));
    return out;
  }

  @Override
  public int activePeerings(Place place, String vpcId) {
    return peerings;
  }

  @Override
  public List<Peering> peerings(Place place, String vpcId) {
    return peeringList.stream().filter(p -> vpcId.equals(p.requesterVpcId()) || vpcId.equals(p.accepterVpcId())).toList();
  }

  final Map<String, TgwAttachment> tgwAttachments = new HashMap<>();
  /** VPC id -> the Resolver rules associated with it. */
  final Map<String, List<ResolverRule>> resolverRules = new HashMap<>();

  @Override
  public List<ResolverRule> resolverRules(Place place, String vpcId) {
    read("resolverRules", place, vpcId);
    return resolverRules.getOrDefault(vpcId, List.of());
  }

  /** Inbound Resolver endpoints by host VPC id; none unless a test adds them. */
  final Map<String, List<ResolverEndpoint>> resolverEndpoints = new HashMap<>();

  @Override
  public List<ResolverEndpoint> inboundResolverEndpoints(Place place, String vpcId) {
    read("resolverEndpoints", place, vpcId);
    return resolverEndpoints.getOrDefault(vpcId, List.of());
  }

  /** Transit gateway route table id -> its gateway. */
  final Map<String, String> tgwRouteTables = new HashMap<>();
  final Map<String, List<Route>> tgwRoutes = new HashMap<>();

  @Override
  public Optional<TgwAttachment> tgwAttachment(Place place, String attachmentId) {
    return Optional.ofNullable(tgwAttachments.get(attachmentId));
  }

  @Override
  public Optional<String> tgwRouteTableGateway(Place place, String routeTableId) {
    return Optional.ofNullable(tgwRouteTables.get(routeTableId));
  }

  @Override
  public List<Route> tgwRoutes(Place place, String routeTableId) {
    return tgwRoutes.getOrDefault(routeTableId, List.of());
  }

  @Override
  public List<String> dhcpDnsServers(Place place, String dhcpOptionsId) {
    return dhcp.getOrDefault(dhcpOptionsId, List.of());
  }

  @Override
  public List<ZoneRef> zonesOf(Place place, String vpcId) {
    return zones.getOrDefault(vpcId, List.of());
  }

  @Override
  public List<RecordSet> records(Place zoneOwner, String zoneId) {
    read("records", zoneOwner, zoneId);
    return records.getOrDefault(zoneId, List.of());
  }

  @Override
  public Map<String, String> zoneTags(Place zoneOwner, String zoneId) {
    read("zoneTags", zoneOwner, zoneId);
    return zoneTags.getOrDefault(zoneId, Map.of());
  }

  private void read(String method, Place place, String id) {
    reads.add(method + " " + place + " " + id);
    Cloud.Unreadable failure = failing.get(method);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public DrsState drs(Place place) {
    read("drs", place, place.region());
    return drs.getOrDefault(place.region(), new DrsState(false, List.of()));
  }

  @Override
  public List<SourceServer> sourceServers(Place place) {
    read("sourceServers", place, place.region());
    return sourceServers.getOrDefault(place.region(), List.of());
  }

  /** Launch settings by source server id; none unless a test adds them. */
  final Map<String, LaunchSettings> launchSettings = new HashMap<>();

  @Override
  public Optional<LaunchSettings> launchSettings(Place place, String sourceServerId) {
    read("launchSettings", place, sourceServerId);
    return Optional.ofNullable(launchSettings.get(sourceServerId));
  }
}
