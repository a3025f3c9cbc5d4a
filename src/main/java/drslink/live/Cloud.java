package drslink.live;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What preflight and verify read from a live account, as plain records. {@link SdkCloud} answers it
 * with AWS SDK calls (Describe/List/Get only); unit tests answer it with recorded values, so the path
 * logic is tested without a network. Every method takes the {@link Place} (account name, region) whose
 * credentials and region the read uses.
 */
public interface Cloud {

  /**
   * A read that failed: {@code message} is one line naming the cause (network, credentials, permission,
   * throttling, server error) and the service, operation, region, account and endpoint. The checks record
   * it and go on with what they can still read.
   */
  final class Unreadable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unreadable(String message, Throwable cause) {
      super(message, cause, false, false);
    }
  }

  /** An account of the topology (its name, null for the pipeline's own) and a region. */
  record Place(String account, String region) {
    @Override
    public String toString() {
      return region + (account == null ? "" : " (account " + account + ")");
    }
  }

  /** {@code dhcpOptionsId} is the VPC's DHCP option set, null or "default" when it has none. */
  record VpcInfo(String id, List<String> cidrs, boolean dnsSupport, boolean dnsHostnames, String dhcpOptionsId) {}

  record SubnetInfo(String id, String vpcId, String cidr, String availabilityZone) {}

  /**
   * One route: destination CIDR, its target (local, pcx-, tgw-, igw-...) and state (active, blackhole). A
   * route to a managed prefix list is read as one route per CIDR of the list, {@code prefixList} naming it.
   */
  record Route(String destination, String target, String state, String prefixList) {
    Route(String destination, String target, String state) {
      this(destination, target, state, null);
    }
  }

  /**
   * A transit gateway VPC attachment: its gateway, VPC, state, subnets (one per Availability Zone it
   * serves) and the route table it is associated with (null when none).
   */
  record TgwAttachment(String id, String transitGatewayId, String vpcId, String state, List<String> subnetIds, String associatedRouteTableId) {}

  /** A Route 53 Resolver rule associated with a VPC: domain name (trailing dot) and type (FORWARD, SYSTEM, RECURSIVE, DELEGATE). */
  record ResolverRule(String id, String domainName, String ruleType) {}

  /** A VPC peering connection: both VPCs and its status code (active, pending-acceptance, deleted...). */
  record Peering(String id, String requesterVpcId, String accepterVpcId, String status) {}

  /** {@code main} tables also serve every subnet of the VPC without an explicit association. */
  record RouteTable(String id, String vpcId, boolean main, List<String> subnetIds, List<Route> routes) {}

  /** One inbound permission: protocol "-1" (all) or a number/name, ports inclusive, an IPv4 CIDR. */
  record Permission(String protocol, int fromPort, int toPort, String cidr) {}

  record SecurityGroup(String id, String vpcId, String name, Map<String, String> tags, List<Permission> ingress) {}

  /** One network ACL rule; protocol "-1" is all, "6" is TCP; ports are ignored for "-1". */
  record AclEntry(int ruleNumber, boolean egress, String protocol, int fromPort, int toPort, String cidr, boolean allow) {}

  record NetworkAcl(String id, String vpcId, boolean isDefault, List<String> subnetIds, List<AclEntry> entries) {}

  record Endpoint(
      String id, String vpcId, String serviceName, String type, String state, List<String> subnetIds, List<String> securityGroupIds, boolean privateDns,
      List<String> dnsNames, Map<String, String> tags) {
    /**
     * No longer there, or never became so: DescribeVpcEndpoints keeps listing deleted endpoints for a while, and lists
     * failed, rejected and expired ones (State, https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_VpcEndpoint.html).
     */
    boolean gone() {
      return state != null && GONE_STATES.contains(state.toLowerCase(Locale.ROOT));
    }

    private static final Set<String> GONE_STATES = Set.of("deleted", "deleting", "failed", "rejected", "expired");
  }

  /**
   * A private hosted zone associated with a VPC, as ListHostedZonesByVPC names it: its owner is the
   * account id in HostedZoneOwner.OwningAccount (null when a service owns it)
   * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListHostedZonesByVPC.html).
   */
  record ZoneRef(String id, String name, String ownerAccountId) {}

  /** One record set: name and type as Route 53 returns them (trailing dot), alias target DNS name or null. */
  record RecordSet(String name, String type, String aliasTarget) {}

  record DrsTemplate(String id, String stagingSubnetId, List<String> securityGroupIds, String dataPlaneRouting, boolean createPublicIp, Map<String, String> tags) {}

  /** DRS in one place: {@code initialized} false when AWS answers UninitializedAccountException. */
  record DrsState(boolean initialized, List<DrsTemplate> templates) {}

  /**
   * A source server registered with DRS in one place and the replication settings it uses now. A server
   * takes the template's settings when it is added, and keeps its own after that
   * (https://docs.aws.amazon.com/drs/latest/userguide/settings.html), so a server added before the template
   * or changed by hand can replicate over other paths than the template says.
   */
  record SourceServer(String id, String hostname, List<String> ips, String stagingSubnetId, List<String> securityGroupIds, String dataPlaneRouting, boolean createPublicIp) {}

  /**
   * Where a source server's recovery instance launches: the subnet and security groups of the default version of the
   * EC2 launch template DRS made for it (null subnet: none named, so DRS uses the default subnet;
   * https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html).
   */
  record LaunchSettings(String launchTemplateId, String subnetId, List<String> securityGroupIds) {}

  Optional<VpcInfo> vpc(Place place, String vpcId);

  List<SubnetInfo> subnets(Place place, String vpcId);

  /** A subnet by id wherever it is in the region, to tell "missing" from "in another VPC". */
  Optional<SubnetInfo> subnet(Place place, String subnetId);

  List<RouteTable> routeTables(Place place, String vpcId);

  Optional<RouteTable> routeTable(Place place, String routeTableId);

  List<SecurityGroup> securityGroups(Place place, String vpcId);

  List<NetworkAcl> networkAcls(Place place, String vpcId);

  List<Endpoint> endpoints(Place place, String vpcId);

  /** The Availability Zones where each of {@code serviceNames} offers interface endpoints. */
  Map<String, Set<String>> endpointServiceZones(Place place, List<String> serviceNames);

  /** Active VPC peerings the VPC is part of, either side. */
  int activePeerings(Place place, String vpcId);

  /** The VPC peering connections the VPC is part of, either side, any status. */
  List<Peering> peerings(Place place, String vpcId);

  /** The Resolver rules associated with the VPC. */
  List<ResolverRule> resolverRules(Place place, String vpcId);

  /** One address of a Route 53 Resolver endpoint: its subnet, IP and status (ATTACHED when it answers). */
  record ResolverIp(String subnetId, String ip, String status) {}

  /** A Route 53 Resolver inbound endpoint in a VPC, with its status, security groups and addresses. */
  record ResolverEndpoint(String id, String name, String status, List<String> securityGroupIds, List<ResolverIp> addresses) {}

  /** The Route 53 Resolver inbound endpoints whose host is the VPC. */
  List<ResolverEndpoint> inboundResolverEndpoints(Place place, String vpcId);

  /** A transit gateway VPC attachment by id (DescribeTransitGatewayVpcAttachments, DescribeTransitGatewayAttachments). */
  Optional<TgwAttachment> tgwAttachment(Place place, String attachmentId);

  /** The transit gateway a transit gateway route table belongs to, when the table exists. */
  Optional<String> tgwRouteTableGateway(Place place, String routeTableId);

  /** Active and blackhole routes of a transit gateway route table; a route's target is its attachment id. */
  List<Route> tgwRoutes(Place place, String routeTableId);

  /**
   * The domain-name-servers of a DHCP option set; empty when it names none (instances then ask the
   * Amazon-provided resolver).
   */
  List<String> dhcpDnsServers(Place place, String dhcpOptionsId);

  /** Private zones associated with the VPC, in any account (Route 53 ListHostedZonesByVPC). */
  List<ZoneRef> zonesOf(Place place, String vpcId);

  /** The record sets of a zone, read with the zone owner's credentials. */
  List<RecordSet> records(Place zoneOwner, String zoneId);

  /**
   * A zone's tags, read with its owner's credentials: Route 53 answers ListTagsForResource only to the
   * account that owns the zone (https://docs.aws.amazon.com/Route53/latest/APIReference/API_ListTagsForResource.html).
   */
  Map<String, String> zoneTags(Place zoneOwner, String zoneId);

  DrsState drs(Place place);

  /** The place's source servers that are not disconnected, each with its replication settings (empty before InitializeService). */
  List<SourceServer> sourceServers(Place place);

  /** A source server's launch settings (DRS GetLaunchConfiguration, then the template's default version); empty when it has no template. */
  Optional<LaunchSettings> launchSettings(Place place, String sourceServerId);

  /** A hint that the per-VPC reads of these VPCs of one place are coming: an SDK answer may batch them. */
  default void prefetch(Place place, List<String> vpcIds) {}
}
