package drslink.live;

import drslink.model.DrsTemplateSites;
import drslink.model.Located;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code drslink preflight}: before apply, does the live account hold what the topology assumes, and is
 * nothing in the way of what drslink will create? Each check is one method; each finding names the
 * YAML value it is about.
 */
final class PreflightChecks {
  /** Active VPC peerings per VPC: 50 by default, 125 at most (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html). */
  static final int PEERINGS_DEFAULT = 50;

  static final int PEERINGS_MAX = 125;

  private final LivePaths paths;
  private final Cloud cloud;
  private final Findings findings = new Findings();

  PreflightChecks(LivePaths paths, Cloud cloud) {
    this.paths = paths;
    this.cloud = cloud;
  }

  Findings run() {
    Topology topology = paths.topology();
    for (Vpc vpc : topology.vpcs()) {
      findings.attempt(() -> cloud.vpc(paths.place(vpc), vpc.id().value()).ifPresentOrElse(live -> vpcHolds(vpc, live), () -> missingVpc(vpc)));
    }
    paths.zoneVpcs().forEach((region, vpcs) -> vpcs.forEach(v -> findings.attempt(() -> nothingInTheWay(region, v))));
    for (DrsTemplateSites.Site site : paths.templateSites()) {
      findings.attempt(() -> drsReady(site));
    }
    for (Vpc vpc : topology.vpcs()) {
      findings.attempt(() -> peeringQuota(topology, vpc));
    }
    for (Vpc vpc : topology.vpcs()) {
      if (vpc.isStagingPrivate()) {
        findings.attempt(() -> stagingEndpoints(vpc));
      }
    }
    for (drslink.model.Connectivity link : topology.connectivity()) {
      if (link instanceof drslink.model.TransitGatewayLink tgw) {
        for (Located<String> name : tgw.vpcs()) {
          topology.vpc(name.value()).ifPresent(vpc -> findings.attempt(() -> transitGatewaySide(vpc, tgw.gateways().get(vpc.region()))));
        }
      }
    }
    return findings;
  }

  private void missingVpc(Vpc vpc) {
    findings.error(
        "PRE001", vpc.region(), vpc.id().value(), vpc.id().at(), "VPC " + vpc.nameValue() + " does not exist in " + paths.place(vpc),
        "fix the id, the region or the account (role_arn) of this VPC");
  }

  private void vpcHolds(Vpc vpc, Cloud.VpcInfo live) {
    String region = vpc.region();
    Cloud.Place place = paths.place(vpc);
    for (Located<String> cidr : vpc.cidrs()) {
      if (live.cidrs().contains(cidr.value())) {
        findings.pass(region);
      } else {
        findings.error("PRE002", region, vpc.id().value(), cidr.at(), "VPC " + vpc.nameValue() + " has no CIDR block " + cidr.value() + " (it has " + String.join(", ", live.cidrs()) + ")", "write the VPC's CIDR blocks as AWS shows them");
      }
    }
    // Private hosted zones answer only in VPCs with both attributes on
    // (https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-considerations.html).
    if (live.dnsSupport() && live.dnsHostnames()) {
      findings.pass(region);
    } else {
      findings.error(
          "PRE003", region, vpc.id().value(), vpc.id().at(), "VPC " + vpc.nameValue() + " has enableDnsSupport=" + live.dnsSupport() + " and enableDnsHostnames=" + live.dnsHostnames() + "; private zones need both on",
          "aws ec2 modify-vpc-attribute --vpc-id " + vpc.id().value() + " --enable-dns-support / --enable-dns-hostnames (one per call)");
    }
    Map<String, String> zoneOfSubnet = new HashMap<>();
    for (Located<String> subnet : vpc.endpointSubnetIds()) {
      subnetInVpc(vpc, place, subnet).ifPresent(s -> zoneOfSubnet.put(s.id(), s.availabilityZone()));
    }
    if (vpc.stagingSubnetId() != null) {
      subnetInVpc(vpc, place, vpc.stagingSubnetId());
    }
    endpointZones(vpc, place, zoneOfSubnet);
    for (Located<String> rtb : vpc.routeTableIds()) {
      Optional<Cloud.RouteTable> table = cloud.routeTable(place, rtb.value());
      if (table.isEmpty()) {
        findings.error("PRE007", region, rtb.value(), rtb.at(), "route table " + rtb.value() + " does not exist in " + place, "fix the route table id");
      } else if (!table.get().vpcId().equals(vpc.id().value())) {
        findings.error("PRE007", region, rtb.value(), rtb.at(), "route table " + rtb.value() + " belongs to " + table.get().vpcId() + ", not to VPC " + vpc.nameValue() + " (" + vpc.id().value() + ")", "list only route tables of this VPC under it");
      } else {
        findings.pass(region);
      }
    }
  }

  private Optional<Cloud.SubnetInfo> subnetInVpc(Vpc vpc, Cloud.Place place, Located<String> subnet) {
    Optional<Cloud.SubnetInfo> live = cloud.subnet(place, subnet.value());
    if (live.isEmpty()) {
      findings.error("PRE004", vpc.region(), subnet.value(), subnet.at(), "subnet " + subnet.value() + " does not exist in " + place, "fix the subnet id");
      return Optional.empty();
    }
    if (!live.get().vpcId().equals(vpc.id().value())) {
      findings.error("PRE004", vpc.region(), subnet.value(), subnet.at(), "subnet " + subnet.value() + " is in " + live.get().vpcId() + ", not in VPC " + vpc.nameValue() + " (" + vpc.id().value() + ")", "name subnets of this VPC only");
      return Optional.empty();
    }
    findings.pass(vpc.region());
    return live;
  }

  /**
   * An interface endpoint takes one subnet per Availability Zone, and only in zones where the service is
   * offered (https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html).
   */
  private void endpointZones(Vpc vpc, Cloud.Place place, Map<String, String> zoneOfSubnet) {
    if (zoneOfSubnet.isEmpty()) {
      return;
    }
    Map<String, String> firstInZone = new HashMap<>();
    for (Located<String> subnet : vpc.endpointSubnetIds()) {
      String zone = zoneOfSubnet.get(subnet.value());
      if (zone == null) {
        continue;
      }
      String other = firstInZone.putIfAbsent(zone, subnet.value());
      if (other != null && !other.equals(subnet.value())) {
        findings.error("PRE005", vpc.region(), subnet.value(), subnet.at(), "endpoint subnets " + other + " and " + subnet.value() + " are both in " + zone + "; an interface endpoint takes one subnet per Availability Zone", "pick endpoint subnets in distinct Availability Zones");
      }
    }
    List<String> services = paths.serviceNames(vpc.region());
    Map<String, Set<String>> offered = cloud.endpointServiceZones(place, services);
    for (Located<String> subnet : vpc.endpointSubnetIds()) {
      String zone = zoneOfSubnet.get(subnet.value());
      if (zone == null) {
        continue;
      }
      for (String service : services) {
        if (offered.getOrDefault(service, Set.of()).contains(zone)) {
          findings.pass(vpc.region());
        } else {
          findings.error("PRE006", vpc.region(), subnet.value(), subnet.at(), service + " is not offered in " + zone + " (subnet " + subnet.value() + ")", "aws ec2 describe-vpc-endpoint-services --service-names " + service + " lists the zones; choose a subnet in one of them");
        }
      }
    }
  }

  /**
   * Route 53 refuses to associate a VPC with a second private zone of the same name (ConflictingDomainExists),
   * and an interface endpoint with private DNS already answers for the service's name in its VPC
   * (https://docs.aws.amazon.com/Route53/latest/APIReference/API_AssociateVPCWithHostedZone.html,
   * https://docs.aws.amazon.com/vpc/latest/privatelink/manage-dns-names.html).
   */
  private void nothingInTheWay(String region, Vpc vpc) {
    Cloud.Place place = paths.place(vpc);
    if (cloud.vpc(place, vpc.id().value()).isEmpty()) {
      return; // PRE001 already says so
    }
    List<String> names = paths.zoneNames(region);
    boolean clear = true;
    for (Cloud.ZoneRef zone : cloud.zonesOf(place, vpc.id().value())) {
      if (!names.contains(zone.name().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      // drslink's own zone from an earlier apply is no conflict. Its tags are read with its owner's
      // credentials; a refusal is a failure of reading (exit 6), not a foreign zone.
      Optional<Cloud.Place> owner = paths.knownOwner(zone, place);
      if (owner.isPresent() && ours(cloud.zoneTags(owner.get(), zone.id()))) {
        findings.pass(vpc.region());
      } else {
        clear = false;
        findings.error(
            "PRE008", vpc.region(), zone.id(), vpc.id().at(),
            "VPC " + vpc.nameValue() + " (" + vpc.id().value() + ") is already associated with private zone " + zone.name().replaceAll("\\.$", "") + " (" + zone.id() + (zone.ownerAccountId() == null ? "" : ", account " + zone.ownerAccountId()) + "); Route 53 will refuse drslink's zone with ConflictingDomainExists",
            "disassociate that zone from the VPC (aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id " + zone.id() + " --vpc VPCRegion=" + vpc.region() + ",VPCId=" + vpc.id().value() + ") or delete it");
      }
    }
    List<String> services = paths.serviceNames(region);
    for (Cloud.Endpoint e : cloud.endpoints(place, vpc.id().value())) {
      if (services.contains(e.serviceName()) && e.privateDns() && !e.gone() && !ours(e.tags())) {
        clear = false;
        findings.error(
            "PRE009", vpc.region(), e.id(), vpc.id().at(),
            "VPC " + vpc.nameValue() + " has interface endpoint " + e.id() + " for " + e.serviceName() + " with private DNS on; it answers for the same names as drslink's zone",
            "turn private DNS off on it (aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + e.id() + " --no-private-dns-enabled) or delete it");
      }
    }
    if (clear) {
      findings.pass(vpc.region());
    }
  }

  /**
   * DRS refuses every call in a region before InitializeService, and the region's one template
   * (the console's initialization makes one) must be adopted, not created a second time
   * (https://docs.aws.amazon.com/drs/latest/userguide/getting-started-initializing.html).
   */
  private void drsReady(DrsTemplateSites.Site site) {
    Vpc staging = site.stagingVpc();
    Cloud.Place place = paths.place(staging);
    Replication first = site.replications().isEmpty() ? site.failbacks().get(0) : site.replications().get(0);
    Cloud.DrsState drs = cloud.drs(place);
    if (!drs.initialized()) {
      findings.error(
          "PRE010", site.region(), "drs", first.at(), "DRS is not initialized in " + place, "run `aws drs initialize-service --region " + site.region() + "` with " + (site.account() == null ? "the pipeline's" : "account " + site.account() + "'s") + " credentials");
      return;
    }
    findings.pass(site.region());
    ReplicationSettings settings = site.settings();
    if (!settings.managed() || drs.templates().isEmpty()) {
      if (settings.existingTemplateIdValue() != null && settings.managed()) {
        findings.error("PRE011", site.region(), settings.existingTemplateIdValue(), settings.existingTemplateId().at(), "existing_template_id " + settings.existingTemplateIdValue() + " names a template that does not exist in " + place, "remove existing_template_id: drslink creates the template");
      }
      return;
    }
    String live = drs.templates().get(0).id();
    if (ours(drs.templates().get(0).tags())) {
      findings.pass(site.region()); // drslink's own template from an earlier apply
    } else if (settings.existingTemplateIdValue() == null) {
      var at = site.settingsSource().map(r -> r.settings().at()).orElse(first.at());
      findings.error(
          "PRE011", site.region(), live, at, "DRS in " + place + " already has replication configuration template " + live + "; AWS keeps one per account and region, so creating another fails",
          "add `existing_template_id: " + live + "` under the settings of replication " + site.settingsSource().orElse(first).nameValue() + " to adopt it");
    } else if (!settings.existingTemplateIdValue().equals(live)) {
      findings.error("PRE011", site.region(), live, settings.existingTemplateId().at(), "existing_template_id " + settings.existingTemplateIdValue() + " is not the template of " + place + ", which is " + live, "set `existing_template_id: " + live + "`");
    } else {
      findings.pass(site.region());
    }
  }

  /**
   * Whether a resource is drslink's, for this topology: the provider's default_tags put DrslinkTopology on
   * everything the generated root creates (templates/main.tf.ftl).
   */
  private boolean ours(Map<String, String> tags) {
    return paths.topology().name().value().equals(tags.get("DrslinkTopology"));
  }

  /**
   * A transit_gateway link's side in the VPC's region: the VPC attachment exists, attaches this VPC to
   * the named gateway and is available, and the route table is the gateway's; else apply stops halfway
   * (the modules' data sources fail, or routes go to a table of another gateway). Read with the VPC's
   * account: a gateway shared through AWS RAM from another account is not read here.
   */
  private void transitGatewaySide(Vpc vpc, drslink.model.TransitGatewaySide side) {
    if (side == null || side.id() == null || cloud.vpc(paths.place(vpc), vpc.id().value()).isEmpty()) {
      return;
    }
    Cloud.Place place = paths.place(vpc);
    String gateway = side.id().value();
    if (side.attachmentId() != null) {
      String id = side.attachmentId().value();
      Optional<Cloud.TgwAttachment> a = cloud.tgwAttachment(place, id);
      if (a.isEmpty()) {
        findings.error("PRE013", vpc.region(), id, side.attachmentId().at(), "transit gateway attachment " + id + " does not exist in " + place, "fix attachment_id: the VPC attachment of " + vpc.nameValue() + " to " + gateway);
      } else if (!vpc.id().value().equals(a.get().vpcId()) || !gateway.equals(a.get().transitGatewayId())) {
        findings.error("PRE013", vpc.region(), id, side.attachmentId().at(), "transit gateway attachment " + id + " attaches " + a.get().vpcId() + " to " + a.get().transitGatewayId() + ", not VPC " + vpc.nameValue() + " (" + vpc.id().value() + ") to " + gateway, "fix attachment_id or id");
      } else if (!"available".equalsIgnoreCase(a.get().state())) {
        findings.error("PRE013", vpc.region(), id, side.attachmentId().at(), "transit gateway attachment " + id + " is " + a.get().state() + ", not available", "wait for it, or accept it in the gateway owner's account");
      } else {
        findings.pass(vpc.region());
      }
    }
    if (side.routeTableId() != null) {
      String id = side.routeTableId().value();
      Optional<String> owner = cloud.tgwRouteTableGateway(place, id);
      if (owner.isEmpty()) {
        findings.error("PRE013", vpc.region(), id, side.routeTableId().at(), "transit gateway route table " + id + " does not exist in " + place, "fix route_table_id");
      } else if (!owner.get().equals(gateway)) {
        findings.error("PRE013", vpc.region(), id, side.routeTableId().at(), "transit gateway route table " + id + " belongs to " + owner.get() + ", not to " + gateway, "name a route table of " + gateway);
      } else {
        findings.pass(vpc.region());
      }
    }
  }

  /**
   * staging_private: AWS refuses a second interface endpoint with private DNS for EC2 in the VPC ("conflicting DNS
   * domain", hashicorp/terraform-provider-aws#17535), and a route table routes to S3's prefix list through one gateway
   * endpoint only (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html). So an existing one that
   * existing_staging_endpoints does not name makes apply fail, and one it names must be that endpoint of this VPC.
   */
  private void stagingEndpoints(Vpc vpc) {
    Cloud.Place place = paths.place(vpc);
    if (cloud.vpc(place, vpc.id().value()).isEmpty()) {
      return; // PRE001 already says so
    }
    String ec2 = paths.endpointService(vpc.region(), "ec2");
    String s3 = paths.endpointService(vpc.region(), "s3");
    List<Cloud.Endpoint> live = cloud.endpoints(place, vpc.id().value()).stream().filter(e -> !e.gone()).toList();
    // Gateway endpoints by the staging route tables they route from (the prefix-list route's target).
    Map<String, List<String>> tablesOf = new HashMap<>();
    for (Located<String> rtb : vpc.routeTableIds()) {
      cloud.routeTable(place, rtb.value()).ifPresent(t -> t.routes().forEach(r -> {
        if (r.target() != null && r.target().startsWith("vpce-")) {
          tablesOf.computeIfAbsent(r.target(), k -> new java.util.ArrayList<>()).add(rtb.value());
        }
      }));
    }
    Located<String> namedEc2 = vpc.existingStagingEndpoints() == null ? null : vpc.existingStagingEndpoints().ec2();
    Located<String> namedS3 = vpc.existingStagingEndpoints() == null ? null : vpc.existingStagingEndpoints().s3Gateway();
    boolean clear = true;
    for (Cloud.Endpoint e : live) {
      if (ours(e.tags())) {
        continue; // drslink's own from an earlier apply
      }
      if (e.serviceName().equals(ec2) && "interface".equalsIgnoreCase(e.type()) && e.privateDns() && (namedEc2 == null || !namedEc2.value().equals(e.id()))) {
        clear = false;
        findings.error(
            "PRE014", vpc.region(), e.id(), vpc.stagingPrivate().at(),
            "VPC " + vpc.nameValue() + " already has EC2 interface endpoint " + e.id() + " with private DNS; AWS refuses drslink's second one (conflicting DNS domain), so apply would fail",
            "name it: existing_staging_endpoints: { ec2: " + e.id() + " } on VPC " + vpc.nameValue());
      }
      if (e.serviceName().equals(s3) && "gateway".equalsIgnoreCase(e.type()) && tablesOf.containsKey(e.id()) && (namedS3 == null || !namedS3.value().equals(e.id()))) {
        clear = false;
        findings.error(
            "PRE014", vpc.region(), e.id(), vpc.stagingPrivate().at(),
            "route table(s) " + String.join(", ", tablesOf.get(e.id())) + " of VPC " + vpc.nameValue() + " already route to S3 through gateway endpoint " + e.id() + "; a route table takes one route to S3's prefix list, so apply would fail",
            "name it: existing_staging_endpoints: { s3_gateway: " + e.id() + " } on VPC " + vpc.nameValue());
      }
    }
    clear &= named(vpc, namedEc2, live, ec2, "Interface", "an EC2 interface endpoint with private DNS", e -> e.privateDns(), Map.of());
    clear &= named(vpc, namedS3, live, s3, "Gateway", "an S3 gateway endpoint", e -> true, tablesOf);
    if (clear) {
      findings.pass(vpc.region());
    }
  }

  /** One id of existing_staging_endpoints: an endpoint of this VPC, of the service and type named, on every staging route table (gateway). */
  private boolean named(Vpc vpc, Located<String> id, List<Cloud.Endpoint> live, String service, String type, String what, java.util.function.Predicate<Cloud.Endpoint> dns, Map<String, List<String>> tablesOf) {
    if (id == null) {
      return true;
    }
    Optional<Cloud.Endpoint> found = live.stream().filter(e -> e.id().equals(id.value())).findFirst();
    String problem = null;
    if (found.isEmpty()) {
      problem = "is not an endpoint of VPC " + vpc.nameValue() + " (" + vpc.id().value() + ")";
    } else if (!found.get().serviceName().equals(service) || !type.equalsIgnoreCase(found.get().type()) || !dns.test(found.get())) {
      Cloud.Endpoint e = found.get();
      problem = "is a " + e.type() + " endpoint for " + e.serviceName() + (e.privateDns() ? " with private DNS" : "") + ", not " + what + " (" + service + ")";
    } else if ("Gateway".equals(type)) {
      List<String> missing = vpc.routeTableIds().stream().map(Located::value).filter(t -> !tablesOf.getOrDefault(id.value(), List.of()).contains(t)).toList();
      if (!missing.isEmpty()) {
        problem = "does not route " + String.join(", ", missing) + " to S3";
      }
    }
    if (problem == null) {
      return true;
    }
    findings.error(
        "PRE014", vpc.region(), id.value(), id.at(), "existing_staging_endpoints names " + id.value() + ", which " + problem,
        "name " + what + " of " + vpc.nameValue() + (type.equals("Gateway") ? " on all its route_table_ids" : "") + ", or remove the key so that drslink creates one");
    return false;
  }

  /** Live peerings plus the ones the topology adds, against the per-VPC quota. */
  private void peeringQuota(Topology topology, Vpc vpc) {
    Map<String, Integer> added = new HashMap<>();
    topology.connectivity().stream().filter(c -> c instanceof VpcPeering).flatMap(c -> c.vpcs().stream()).forEach(n -> added.merge(n.value(), 1, Integer::sum));
    {
      int adding = added.getOrDefault(vpc.nameValue(), 0);
      if (adding == 0 || cloud.vpc(paths.place(vpc), vpc.id().value()).isEmpty()) {
        return;
      }
      int live = cloud.activePeerings(paths.place(vpc), vpc.id().value());
      int total = live + adding;
      String what = "VPC " + vpc.nameValue() + " has " + live + " peering(s) and the topology adds " + adding + ": " + total;
      if (total > PEERINGS_MAX) {
        findings.error("PRE012", vpc.region(), vpc.id().value(), vpc.id().at(), what + " is above the maximum of " + PEERINGS_MAX + " per VPC", "use a transit_gateway link for some of them");
      } else if (total > PEERINGS_DEFAULT) {
        findings.warning("PRE012", vpc.region(), vpc.id().value(), vpc.id().at(), what + " is above the default quota of " + PEERINGS_DEFAULT + " per VPC", "request an increase of \"Active VPC peering connections per VPC\" in Service Quotas before apply");
      } else {
        findings.pass(vpc.region());
      }
    }
  }
}
