package drslink.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import harness.emulator.MotoServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.AutoAcceptSharedAttachmentsValue;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DefaultRouteTableAssociationValue;
import software.amazon.awssdk.services.ec2.model.DefaultRouteTablePropagationValue;
import software.amazon.awssdk.services.ec2.model.DnsSupportValue;
import software.amazon.awssdk.services.ec2.model.VpcEndpointType;
import software.amazon.awssdk.services.route53.Route53Client;

/**
 * A moto server plus what a topology expects to exist in it.
 *
 * <p>{@link #seed} creates, for every VPC of a topology, a VPC with its CIDRs (DNS support and
 * hostnames on), the subnets and route tables it names, and for transit-gateway links a TGW, a TGW
 * route table and a VPC attachment per region. It then rewrites the topology text, replacing each
 * id from the file with the id moto gave, so the generated root refers to real (moto) objects. VPCs
 * of an account with a {@code role_arn} are created with credentials from STS AssumeRole, which
 * moto maps to that account.
 *
 * <p>The topology keeps its own {@code name}: names reach the provider as a user writes them
 * (a name AWS refuses must fail here too). Cases are isolated by moto state instead: each runs on
 * a moto server of its own, reset before the case.
 */
public final class MotoFixture implements AutoCloseable {

  private final MotoServer server;
  private final ObjectMapper yaml;
  private final MotoSts sts;
  private final MotoDrs drs;
  private final MotoIam iam;
  private final SdkHttpClient http;
  private final Map<String, Ec2Client> ec2Clients = new HashMap<>();
  private final Map<String, Route53Client> route53Clients = new HashMap<>();
  private final Map<String, String> accounts = new HashMap<>();

  public MotoFixture(MotoServer server, ObjectMapper yaml) {
    this.server = server;
    this.yaml = yaml;
    this.sts = new MotoSts(server.endpoint());
    this.drs = new MotoDrs(server.endpoint());
    this.iam = new MotoIam(server.endpoint());
    // moto is on loopback: ignore any proxy the JVM or the shell was given.
    this.http =
        UrlConnectionHttpClient.builder()
            .proxyConfiguration(
                ProxyConfiguration.builder()
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariablesValues(false)
                    .build())
            .build();
  }

  public MotoServer server() {
    return server;
  }

  /** IAM reads (roles, instance profiles). */
  MotoIam iam() {
    return iam;
  }

  /** DRS, served by the stand-in on moto's port. */
  public MotoDrs drs() {
    return drs;
  }

  /**
   * Initializes DRS (InitializeService) in every (account, region) of the topology's VPCs, which
   * covers every place a replication template can go: before that, AWS refuses every DRS call
   * with UninitializedAccountException. Returns the places as "region|account id".
   */
  public List<String> initializeDrs(SeededTopology seeded) {
    Map<String, AwsCreds> places = new LinkedHashMap<>();
    for (TopologyTree.Vpc v : seeded.topology().vpcs()) {
      AwsCreds creds = seeded.credsFor(v);
      places.putIfAbsent(v.region() + "|" + accountOf(creds), creds);
    }
    places.forEach((place, creds) -> drs.initialize(creds, place.split("\\|")[0]));
    return new ArrayList<>(places.keySet());
  }

  /** Forgets every object in moto; each test starts from an empty cloud. */
  public void reset() {
    server.reset();
    // Assumed-role keys die with the reset; drop the clients built on them.
    ec2Clients.values().forEach(Ec2Client::close);
    route53Clients.values().forEach(Route53Client::close);
    ec2Clients.clear();
    route53Clients.clear();
    accounts.clear();
  }

  public Ec2Client ec2(String region, AwsCreds creds) {
    return ec2Clients.computeIfAbsent(
        region + "|" + creds.accessKeyId(),
        k ->
            Ec2Client.builder()
                .region(Region.of(region))
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(creds.provider())
                .httpClient(http)
                .build());
  }

  /** Route 53 in the caller's default partition (aws). */
  public Route53Client route53(AwsCreds creds) {
    return route53(creds, "us-east-1");
  }

  /**
   * Route 53 in the partition of {@code region}: moto keeps one Route 53 per account and partition,
   * so GovCloud zones are only visible to a client signing for GovCloud.
   */
  public Route53Client route53(AwsCreds creds, String region) {
    Region global = globalRegionOf(region);
    return route53Clients.computeIfAbsent(
        creds.accessKeyId() + "|" + global.id(),
        k ->
            Route53Client.builder()
                .region(global)
                .endpointOverride(URI.create(server.endpoint()))
                .credentialsProvider(creds.provider())
                .httpClient(http)
                .build());
  }

  /**
   * The region Route 53 calls of a partition are signed for. moto picks the partition from the
   * signing region, and reads the SDK's "aws-us-gov-global" as the aws partition, so use the region
   * AWS itself signs Route 53 with in each partition.
   */
  static Region globalRegionOf(String region) {
    if (region.startsWith("us-gov-")) {
      return Region.US_GOV_WEST_1;
    }
    if (region.startsWith("cn-")) {
      return Region.CN_NORTHWEST_1;
    }
    return Region.US_EAST_1;
  }

  public String accountOf(AwsCreds creds) {
    return accounts.computeIfAbsent(creds.accessKeyId(), k -> sts.account(creds));
  }

  /** Seeds moto for a topology and returns the topology rewritten to moto's ids. */
  public SeededTopology seed(String topologyYaml) {
    TopologyTree original = TopologyTree.parse(topologyYaml, yaml);
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, AwsCreds> credsByAccount = credentials(original, ids);
    Map<String, Integer> nextSubnet = new HashMap<>();

    for (TopologyTree.Vpc v : original.vpcs()) {
      AwsCreds creds = credsByAccount.get(original.accountNameOf(v));
      Ec2Client ec2 = ec2(v.region(), creds);
      String vpcId = ec2.createVpc(r -> r.cidrBlock(v.primaryCidr())).vpc().vpcId();
      ids.put(v.id(), vpcId);
      ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on()));
      ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on()));
      for (String extra : v.cidrs().subList(1, v.cidrs().size())) {
        ec2.associateVpcCidrBlock(r -> r.vpcId(vpcId).cidrBlock(extra));
      }
      List<String> azs = availabilityZones(ec2);
      int i = 0;
      for (String subnet : v.endpointSubnetIds()) {
        // Interface endpoints take one subnet per AZ, so endpoint subnets go to distinct AZs.
        ids.put(subnet, createSubnet(ec2, v, vpcId, nextSubnet, azs.get(i % azs.size())));
        i++;
      }
      if (v.stagingSubnetId() != null) {
        ids.put(v.stagingSubnetId(), createSubnet(ec2, v, vpcId, nextSubnet, azs.get(0)));
      }
      for (String rtb : v.routeTableIds()) {
        ids.put(rtb, ec2.createRouteTable(r -> r.vpcId(vpcId)).routeTable().routeTableId());
      }
      seedExistingStagingEndpoints(ec2, v, vpcId, ids);
    }

    for (TopologyTree.Connectivity c : original.connectivity()) {
      for (TopologyTree.TransitGateway t : c.transitGateways().values()) {
        seedTransitGateway(original, c, t, credsByAccount, ids, nextSubnet);
      }
    }

    String text = replaceIds(topologyYaml, ids);
    return new SeededTopology(text, TopologyTree.parse(text, yaml), ids, credsByAccount);
  }

  /**
   * existing_staging_endpoints: what another team made before drslink, an EC2 interface endpoint with private DNS in
   * the endpoint subnets and an S3 gateway endpoint on the VPC's route tables. The emulator refuses a second of either
   * (aws_rules.py R9, R10), as AWS does.
   */
  private static void seedExistingStagingEndpoints(Ec2Client ec2, TopologyTree.Vpc v, String vpcId, Map<String, String> ids) {
    String prefix = "com.amazonaws." + v.region() + ".";
    if (v.existingEc2Endpoint() != null) {
      List<String> subnets = v.endpointSubnetIds().stream().map(ids::get).collect(Collectors.toList());
      ids.put(
          v.existingEc2Endpoint(),
          ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName(prefix + "ec2").vpcEndpointType(VpcEndpointType.INTERFACE).privateDnsEnabled(true).subnetIds(subnets))
              .vpcEndpoint()
              .vpcEndpointId());
    }
    if (v.existingS3GatewayEndpoint() != null) {
      List<String> tables = v.routeTableIds().stream().map(ids::get).collect(Collectors.toList());
      ids.put(
          v.existingS3GatewayEndpoint(),
          ec2.createVpcEndpoint(r -> r.vpcId(vpcId).serviceName(prefix + "s3").vpcEndpointType(VpcEndpointType.GATEWAY).routeTableIds(tables))
              .vpcEndpoint()
              .vpcEndpointId());
    }
  }

  private void seedTransitGateway(
      TopologyTree topo,
      TopologyTree.Connectivity c,
      TopologyTree.TransitGateway t,
      Map<String, AwsCreds> credsByAccount,
      Map<String, String> ids,
      Map<String, Integer> nextSubnet) {
    TopologyTree.Vpc vpc =
        c.vpcs().stream()
            .map(topo::vpc)
            .filter(v -> v.region().equals(t.region()))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "transit_gateways names region "
                            + t.region()
                            + " but no VPC of "
                            + c.vpcs()
                            + " is there"));
    Ec2Client ec2 = ec2(t.region(), credsByAccount.get(topo.accountNameOf(vpc)));
    // Several links may share one TGW (and its route table); create each id once.
    String tgw =
        ids.computeIfAbsent(
            t.id(),
            k ->
                ec2.createTransitGateway(
                        r ->
                            r.description("drslink e2e " + t.region())
                                .options(
                                    o ->
                                        o.defaultRouteTableAssociation(
                                                DefaultRouteTableAssociationValue.DISABLE)
                                            .defaultRouteTablePropagation(
                                                DefaultRouteTablePropagationValue.DISABLE)
                                            .autoAcceptSharedAttachments(
                                                AutoAcceptSharedAttachmentsValue.ENABLE)
                                            .dnsSupport(DnsSupportValue.ENABLE)))
                    .transitGateway()
                    .transitGatewayId());
    String tgwRtb =
        ids.computeIfAbsent(
            t.routeTableId(),
            k ->
                ec2.createTransitGatewayRouteTable(r -> r.transitGatewayId(tgw))
                    .transitGatewayRouteTable()
                    .transitGatewayRouteTableId());
    if (!ids.containsKey(t.attachmentId())) {
      String vpcId = ids.get(vpc.id());
      // One subnet per Availability Zone the VPC's subnets use: resources in a zone without an attachment
      // subnet cannot reach the gateway (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html).
      Map<String, String> perZone = new java.util.TreeMap<>();
      ec2.describeSubnets(r -> r.filters(f -> f.name("vpc-id").values(vpcId)))
          .subnets()
          .forEach(sub -> perZone.merge(sub.availabilityZone(), sub.subnetId(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
      if (perZone.isEmpty()) {
        String az = availabilityZones(ec2).get(0);
        perZone.put(az, createSubnet(ec2, vpc, vpcId, nextSubnet, az));
      }
      List<String> subnets = new ArrayList<>(perZone.values());
      String attachment =
          ec2.createTransitGatewayVpcAttachment(
                  r -> r.transitGatewayId(tgw).vpcId(vpcId).subnetIds(subnets))
              .transitGatewayVpcAttachment()
              .transitGatewayAttachmentId();
      // What an existing attachment has on a gateway without default association and propagation: its team
      // associated it with the route table it names and propagates the VPC's CIDRs into that table, so traffic
      // that arrives over a transit gateway peering (associated with the same table) finds the VPC
      // (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-route-tables.html).
      ec2.associateTransitGatewayRouteTable(
          r -> r.transitGatewayRouteTableId(tgwRtb).transitGatewayAttachmentId(attachment));
      ec2.enableTransitGatewayRouteTablePropagation(
          r -> r.transitGatewayRouteTableId(tgwRtb).transitGatewayAttachmentId(attachment));
      ids.put(t.attachmentId(), attachment);
    }
  }

  /**
   * Credentials per account name ("" = the caller's own account). Accounts with a role get
   * assumed-role keys. The one account without a role is the caller's own account in moto, so its
   * id is rewritten to moto's default account id.
   */
  private Map<String, AwsCreds> credentials(TopologyTree topo, Map<String, String> ids) {
    Map<String, AwsCreds> out = new LinkedHashMap<>();
    out.put("", AwsCreds.TEST);
    List<TopologyTree.Account> roleless =
        topo.accounts().stream().filter(a -> !a.hasRole()).collect(Collectors.toList());
    if (roleless.size() > 1) {
      throw new IllegalArgumentException(
          "the e2e fixture maps the account without role_arn to moto's caller account, but "
              + roleless.stream().map(TopologyTree.Account::name).collect(Collectors.toList())
              + " all lack role_arn; one set of credentials cannot be several accounts");
    }
    String callerAccount = sts.account(AwsCreds.TEST);
    for (TopologyTree.Account a : topo.accounts()) {
      if (a.hasRole()) {
        out.put(a.name(), sts.assumeRole(AwsCreds.TEST, a.roleArn(), "drslink-e2e-seed"));
      } else {
        out.put(a.name(), AwsCreds.TEST);
        if (a.id() != null && !a.id().equals(callerAccount)) {
          ids.put(a.id(), callerAccount);
        }
      }
    }
    return out;
  }

  /** Carves the next /24 (smaller for small VPCs) out of the VPC's primary CIDR. */
  private static String createSubnet(
      Ec2Client ec2, TopologyTree.Vpc v, String vpcId, Map<String, Integer> next, String az) {
    int index = next.merge(v.id(), 1, Integer::sum) - 1;
    String cidr = Cidrs.carve(v.primaryCidr(), index);
    return ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr).availabilityZone(az))
        .subnet()
        .subnetId();
  }

  private static List<String> availabilityZones(Ec2Client ec2) {
    List<String> azs = new ArrayList<>();
    for (AvailabilityZone z : ec2.describeAvailabilityZones().availabilityZones()) {
      azs.add(z.zoneName());
    }
    azs.sort(Comparator.naturalOrder());
    return azs;
  }

  private static AttributeBooleanValue on() {
    return AttributeBooleanValue.builder().value(true).build();
  }

  /**
   * Replaces whole ids only: {@code rtb-0123...} must not match inside {@code tgw-rtb-0123...}.
   * Longest first, so no id is replaced inside a longer one.
   */
  static String replaceIds(String text, Map<String, String> ids) {
    List<String> keys = new ArrayList<>(ids.keySet());
    keys.sort(Comparator.comparingInt(String::length).reversed());
    String out = text;
    for (String k : keys) {
      Pattern p = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(k) + "(?![A-Za-z0-9-])");
      out = p.matcher(out).replaceAll(Matcher.quoteReplacement(ids.get(k)));
    }
    return out;
  }

  /** The seeded topology read as drslink reads it, for fixtures that build what it says exists. */
  private static drslink.model.Topology model(SeededTopology seeded) {
    drslink.diag.Diagnostics d = new drslink.diag.Diagnostics();
    drslink.model.Topology model =
        new drslink.parse.YamlTreeReader(drslink.parse.YamlLimits.DEFAULT)
            .read("topology.yaml", seeded.yaml(), d)
            .flatMap(root -> new drslink.parse.TopologyReader(d).read("topology.yaml", root))
            .orElseThrow();
    return model;
  }

  /**
   * A NAT gateway route for each staging subnet outside staging_private, as a real account has
   * (verify's VER014: replication servers without public IPs reach the EC2 API through it). moto does
   * not mind the NAT gateway sitting in the staging subnet itself.
   */
  public void natForStaging(SeededTopology seeded) {
    drslink.model.Topology model = model(seeded);
    for (drslink.model.Vpc v : model.vpcs()) {
      if (v.stagingSubnetId() == null || v.isStagingPrivate()) {
        continue;
      }
      String subnet = v.stagingSubnetId().value();
      software.amazon.awssdk.services.ec2.Ec2Client ec2 = ec2(v.region(), seeded.credsFor(seeded.topology().vpc(v.nameValue())));
      String allocation = ec2.allocateAddress(r -> r.domain(software.amazon.awssdk.services.ec2.model.DomainType.VPC)).allocationId();
      String nat = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation)).natGateway().natGatewayId();
      var tables = ec2.describeRouteTables(r -> r.filters(f -> f.name("association.subnet-id").values(subnet))).routeTables();
      if (tables.isEmpty()) {
        tables = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(v.id().value()), f -> f.name("association.main").values("true"))).routeTables();
      }
      String table = tables.get(0).routeTableId();
      ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
    }
  }

  /**
   * What an {@code existing} link to a datacenter stands for, and drslink leaves to the user: a virtual private gateway
   * attached to the linked VPC (Direct Connect or VPN ends there) and, in each of the VPC's listed route tables, a
   * route to each of the datacenter's CIDRs through it (https://docs.aws.amazon.com/vpn/latest/s2svpn/VPC_VPN.html).
   */
  public void gatewaysForDatacenters(SeededTopology seeded) {
    drslink.model.Topology model = model(seeded);
    Map<String, String> gateways = new java.util.HashMap<>(); // VPC id -> its virtual private gateway
    for (drslink.model.Connectivity link : model.connectivity()) {
      if (!(link instanceof drslink.model.ExistingLink)) {
        continue;
      }
      for (int i = 0; i < 2; i++) {
        var datacenter = model.onPremises(link.vpcs().get(i).value());
        var vpc = model.vpc(link.vpcs().get(1 - i).value());
        if (datacenter.isEmpty() || vpc.isEmpty()) {
          continue;
        }
        drslink.model.Vpc v = vpc.get();
        Ec2Client ec2 = ec2(v.region(), seeded.credsFor(seeded.topology().vpc(v.nameValue())));
        String vgw =
            gateways.computeIfAbsent(
                v.id().value(),
                id -> {
                  String created = ec2.createVpnGateway(r -> r.type(software.amazon.awssdk.services.ec2.model.GatewayType.IPSEC_1)).vpnGateway().vpnGatewayId();
                  ec2.attachVpnGateway(r -> r.vpcId(id).vpnGatewayId(created));
                  return created;
                });
        for (var table : v.routeTableIds()) {
          for (String cidr : datacenter.get().cidrValues()) {
            ec2.createRoute(r -> r.routeTableId(table.value()).destinationCidrBlock(cidr).gatewayId(vgw));
          }
        }
      }
    }
  }

  /**
   * What an {@code existing} link between two VPCs stands for, and drslink leaves to the user: an active VPC
   * peering (requested by the first VPC's account, accepted by the second's, across regions if they differ) and, in
   * each VPC's listed route tables (its main table when it lists none), a route to each CIDR of the other VPC
   * through it (https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-routing.html). Links to datacenters are
   * {@link #gatewaysForDatacenters}'s.
   */
  public void peeringsForExistingLinks(SeededTopology seeded) {
    drslink.model.Topology model = model(seeded);
    for (drslink.model.Connectivity link : model.connectivity()) {
      if (!(link instanceof drslink.model.ExistingLink)) {
        continue;
      }
      var a = model.vpc(link.vpcs().get(0).value());
      var b = model.vpc(link.vpcs().get(1).value());
      if (a.isEmpty() || b.isEmpty()) {
        continue;
      }
      drslink.model.Vpc requester = a.get();
      drslink.model.Vpc accepter = b.get();
      AwsCreds requesterCreds = seeded.credsFor(seeded.topology().vpc(requester.nameValue()));
      AwsCreds accepterCreds = seeded.credsFor(seeded.topology().vpc(accepter.nameValue()));
      Ec2Client requesterEc2 = ec2(requester.region(), requesterCreds);
      Ec2Client accepterEc2 = ec2(accepter.region(), accepterCreds);
      String pcx =
          requesterEc2
              .createVpcPeeringConnection(
                  r -> r.vpcId(requester.id().value()).peerVpcId(accepter.id().value()).peerRegion(accepter.region()).peerOwnerId(accountOf(accepterCreds)))
              .vpcPeeringConnection()
              .vpcPeeringConnectionId();
      accepterEc2.acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx));
      routesThrough(requesterEc2, requester, accepter.cidrValues(), pcx);
      routesThrough(accepterEc2, accepter, requester.cidrValues(), pcx);
    }
  }

  private static void routesThrough(Ec2Client ec2, drslink.model.Vpc vpc, List<String> cidrs, String pcx) {
    List<String> tables = vpc.routeTableIds().stream().map(drslink.model.Located::value).collect(Collectors.toList());
    if (tables.isEmpty()) {
      tables = ec2.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc.id().value()), f -> f.name("association.main").values("true"))).routeTables().stream()
          .map(software.amazon.awssdk.services.ec2.model.RouteTable::routeTableId)
          .collect(Collectors.toList());
    }
    for (String table : tables) {
      for (String cidr : cidrs) {
        ec2.createRoute(r -> r.routeTableId(table).destinationCidrBlock(cidr).vpcPeeringConnectionId(pcx));
      }
    }
  }

  @Override
  public void close() {
    ec2Clients.values().forEach(Ec2Client::close);
    route53Clients.values().forEach(Route53Client::close);
    ec2Clients.clear();
    route53Clients.clear();
    http.close();
  }
}
