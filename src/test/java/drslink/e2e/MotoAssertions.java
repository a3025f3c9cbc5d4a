package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * Checks what apply left in moto, through the AWS SDK: the facts that only exist after apply
 * (endpoint DNS names behind the alias records, zone-to-VPC associations by zone, the security
 * group that actually sits on the endpoints), and after destroy, that nothing drslink made is left.
 */
public final class MotoAssertions {

  private final MotoFixture moto;
  private final SeededTopology seeded;
  private final Expectations expected;

  public MotoAssertions(MotoFixture moto, SeededTopology seeded, Expectations expected) {
    this.moto = moto;
    this.seeded = seeded;
    this.expected = expected;
  }

  /**
   * Every mismatch after apply. Cross-account zone associations are listed in {@code skipped}
   * instead of checked.
   */
  public List<String> afterApply(List<String> skipped) {
    List<String> findings = new ArrayList<>();
    Map<String, Set<String>> endpointDns = endpoints(findings);
    zones(findings, skipped, endpointDns);
    ingress(findings);
    routes(findings);
    peerings(findings);
    tgwPeerings(findings);
    templates(findings);
    agentRoles(findings);
    existingStagingEndpoints(findings, true);
    return findings;
  }

  /**
   * existing_staging_endpoints: each named endpoint is still there (drslink must not own it: after apply and after
   * destroy alike), and after apply its VPC has no second EC2 interface endpoint or S3 gateway endpoint (drslink read
   * the named one instead of creating its own).
   */
  private void existingStagingEndpoints(List<String> findings, boolean applied) {
    for (TopologyTree.Vpc v : seeded.topology().vpcs()) {
      if (v.existingStagingEndpoints().isEmpty()) {
        continue;
      }
      List<VpcEndpoint> inVpc = live(ec2(v).describeVpcEndpoints(r -> r.filters(f("vpc-id", v.id()))).vpcEndpoints());
      Set<String> live = inVpc.stream().map(VpcEndpoint::vpcEndpointId).collect(Collectors.toSet());
      for (String id : v.existingStagingEndpoints()) {
        if (!live.contains(id)) {
          findings.add("existing staging endpoint " + id + " of " + v.name() + " is gone" + (applied ? " after apply" : " after destroy") + ": drslink must not own it");
        }
      }
      if (!applied) {
        continue;
      }
      String prefix = "com.amazonaws." + v.region() + ".";
      checkOnly(findings, v, inVpc, prefix + "ec2", "Interface", v.existingEc2Endpoint());
      checkOnly(findings, v, inVpc, prefix + "s3", "Gateway", v.existingS3GatewayEndpoint());
    }
  }

  private static void checkOnly(List<String> findings, TopologyTree.Vpc v, List<VpcEndpoint> inVpc, String service, String type, String existing) {
    if (existing == null) {
      return;
    }
    List<String> others =
        inVpc.stream()
            .filter(e -> service.equals(e.serviceName()) && type.equalsIgnoreCase(e.vpcEndpointTypeAsString()) && !existing.equals(e.vpcEndpointId()))
            .map(VpcEndpoint::vpcEndpointId)
            .collect(Collectors.toList());
    if (!others.isEmpty()) {
      findings.add(v.name() + " has " + type + " endpoints " + others + " for " + service + " besides the existing " + existing + " the topology names");
    }
  }

  /** Each DRS agent role exists in its account with exactly its trust and managed policy (and instance profile). */
  private void agentRoles(List<String> findings) {
    for (Expectations.AgentRole a : expected.agentRoles()) {
      AwsCreds creds = seeded.credsForAccount(a.account());
      String where = a.name() + " in account " + a.account() + " (" + a.why() + ")";
      java.util.Optional<MotoIam.Role> role = moto.iam().role(creds, a.globalRegion(), a.name());
      if (role.isEmpty()) {
        findings.add("IAM has no role " + where);
        continue;
      }
      if (!role.get().principals().equals(new java.util.TreeSet<>(a.principals()))) {
        findings.add("role " + where + " trusts " + role.get().principals() + ", want " + new java.util.TreeSet<>(a.principals()));
      }
      List<String> policies = moto.iam().attachedPolicyArns(creds, a.globalRegion(), a.name());
      if (!policies.equals(List.of(a.policyArn()))) {
        findings.add("role " + where + " has managed policies " + policies + ", want [" + a.policyArn() + "]");
      }
      if (a.instanceProfile()) {
        java.util.Optional<List<String>> roles = moto.iam().instanceProfileRoles(creds, a.globalRegion(), a.name());
        if (roles.isEmpty() || !roles.get().equals(List.of(a.name()))) {
          findings.add("instance profile " + where + " holds " + roles.map(Object::toString).orElse("nothing (no such profile)") + ", want [" + a.name() + "]");
        }
      }
    }
  }

  /** Each expected DRS template exists in its staging VPC's account and region, private by setting. */
  private void templates(List<String> findings) {
    for (Expectations.Template t : expected.templates()) {
      TopologyTree.Vpc v = t.staging();
      List<JsonNode> found =
          moto.drs().templates(seeded.credsFor(v), v.region()).stream()
              .filter(x -> v.stagingSubnetId().equals(x.path("stagingAreaSubnetId").asText()))
              .collect(Collectors.toList());
      if (found.size() != 1) {
        findings.add(
            "DRS has "
                + found.size()
                + " replication templates with staging subnet "
                + v.stagingSubnetId()
                + " in "
                + v.region()
                + " ("
                + t.why()
                + ")");
        continue;
      }
      JsonNode x = found.get(0);
      String id = x.path("replicationConfigurationTemplateID").asText();
      if (!"PRIVATE_IP".equals(x.path("dataPlaneRouting").asText())) {
        findings.add(id + ": dataPlaneRouting " + x.path("dataPlaneRouting") + ", want PRIVATE_IP");
      }
      if (x.path("createPublicIP").asBoolean(true)) {
        findings.add(id + ": createPublicIP " + x.path("createPublicIP") + ", want false");
      }
    }
  }

  private Map<String, Set<String>> endpoints(List<String> findings) {
    Map<String, Set<String>> dnsByVpcService = new HashMap<>();
    for (Expectations.Endpoint e : expected.endpoints()) {
      TopologyTree.Vpc v = e.vpc();
      List<VpcEndpoint> found =
          live(
                  ec2(v)
                      .describeVpcEndpoints(
                          r -> r.filters(f("vpc-id", v.id()), f("service-name", e.serviceName())))
                      .vpcEndpoints())
              .stream()
              .filter(x -> "Interface".equalsIgnoreCase(x.vpcEndpointTypeAsString()))
              .collect(Collectors.toList());
      if (found.size() != 1) {
        findings.add(
            "moto has "
                + found.size()
                + " interface endpoints for "
                + e.serviceName()
                + " in "
                + v.name());
        continue;
      }
      VpcEndpoint ep = found.get(0);
      if (Boolean.TRUE.equals(ep.privateDnsEnabled())) {
        findings.add(ep.vpcEndpointId() + ": private DNS is enabled");
      }
      if (!new HashSet<>(ep.subnetIds()).equals(new HashSet<>(v.endpointSubnetIds()))) {
        findings.add(
            ep.vpcEndpointId() + ": subnets " + ep.subnetIds() + ", want " + v.endpointSubnetIds());
      }
      Set<String> groupIds = ep.groups().stream().map(g -> g.groupId()).collect(Collectors.toSet());
      for (Expectations.Ingress in : expected.ingress()) {
        if (in.onEndpoints() && in.vpc().equals(v)) {
          List<SecurityGroup> groups =
              groupIds.isEmpty()
                  ? List.of()
                  : ec2(v).describeSecurityGroups(r -> r.groupIds(groupIds)).securityGroups();
          for (String cidr : in.cidrs()) {
            if (groups.stream().noneMatch(g -> allows(g.ipPermissions(), in.port(), cidr))) {
              findings.add(
                  ep.vpcEndpointId()
                      + " ("
                      + e.serviceName()
                      + "): its security groups "
                      + groupIds
                      + " do not allow TCP "
                      + in.port()
                      + " from "
                      + cidr
                      + " ("
                      + in.why()
                      + ")");
            }
          }
        }
      }
      Set<String> names = new HashSet<>();
      ep.dnsEntries().forEach(d -> names.add(PlanAssertions.dns(d.dnsName())));
      dnsByVpcService.put(v.id() + "|" + e.service(), names);
    }
    return dnsByVpcService;
  }

  private void zones(
      List<String> findings, List<String> skipped, Map<String, Set<String>> endpointDns) {
    for (Expectations.Zone z : expected.zones()) {
      // The contract does not say which account owns a zone (failback zones, associated with
      // the target VPC only, may live in the target's account), so look in every account of the
      // topology. moto also keeps Route 53 per partition, chosen by the region a request is signed
      // for; the provider may sign GovCloud's Route 53 calls for either, so look in each.
      List<ZoneHit> hits = new ArrayList<>();
      for (AwsCreds creds : distinctCreds()) {
        for (String region : List.of("us-east-1", "us-gov-west-1")) {
          Route53Client api = moto.route53(creds, region);
          api.listHostedZones().hostedZones().stream()
              .filter(h -> z.domain().equals(PlanAssertions.dns(h.name())))
              .forEach(h -> hits.add(new ZoneHit(h, api, moto.accountOf(creds))));
        }
      }
      if (hits.size() != 1) {
        findings.add("moto has " + hits.size() + " zones named " + z.domain() + " (want one)");
        continue;
      }
      HostedZone hz = hits.get(0).zone();
      Route53Client zoneApi = hits.get(0).api();
      String zoneAccount = hits.get(0).account();
      if (hz.config() == null || !Boolean.TRUE.equals(hz.config().privateZone())) {
        findings.add(z.domain() + " is not a private zone");
      }
      Set<String> associated =
          zoneApi.getHostedZone(r -> r.id(hz.id())).vpCs().stream()
              .map(x -> x.vpcId())
              .collect(Collectors.toSet());
      for (TopologyTree.Vpc v : z.associated()) {
        if (!zoneAccount.equals(moto.accountOf(seeded.credsFor(v)))) {
          skipped.add(z.domain() + " <-> " + v.name() + " (cross-account association: plan only)");
          continue;
        }
        if (!associated.contains(v.id())) {
          findings.add(z.domain() + " is not associated with " + v.name() + " (" + v.id() + ")");
        }
      }
      for (TopologyTree.Vpc v : z.forbidden()) {
        if (associated.contains(v.id())) {
          findings.add(
              z.domain()
                  + " is associated with source VPC "
                  + v.name()
                  + ": all of its S3 traffic to "
                  + z.region()
                  + " would go through the endpoint");
        }
      }
      Set<String> targets =
          endpointDns.getOrDefault(z.endpointVpc().id() + "|" + z.service(), Set.of());
      List<ResourceRecordSet> records =
          zoneApi.listResourceRecordSets(r -> r.hostedZoneId(hz.id())).resourceRecordSets();
      for (String name : z.recordNames()) {
        List<ResourceRecordSet> match =
            records.stream()
                .filter(rr -> name.equals(PlanAssertions.dns(rr.name().replace("\\052", "*"))))
                .filter(rr -> "A".equals(rr.typeAsString()))
                .collect(Collectors.toList());
        if (match.size() != 1 || match.get(0).aliasTarget() == null) {
          findings.add("zone " + z.domain() + " has no alias A record " + name);
          continue;
        }
        String aim = PlanAssertions.dns(match.get(0).aliasTarget().dnsName());
        if (!targets.contains(aim)) {
          findings.add(
              "alias "
                  + name
                  + " aims at "
                  + aim
                  + ", not at the "
                  + z.service()
                  + " endpoint of "
                  + z.endpointVpc().name()
                  + " "
                  + targets);
        }
      }
    }
  }

  private void ingress(List<String> findings) {
    for (Expectations.Ingress in : expected.ingress()) {
      TopologyTree.Vpc v = in.vpc();
      List<SecurityGroup> groups =
          ec2(v).describeSecurityGroups(r -> r.filters(f("vpc-id", v.id()))).securityGroups();
      for (String cidr : in.cidrs()) {
        if (groups.stream().noneMatch(g -> allows(g.ipPermissions(), in.port(), cidr))) {
          findings.add(
              "no security group in "
                  + v.name()
                  + " allows TCP "
                  + in.port()
                  + " from "
                  + cidr
                  + " ("
                  + in.why()
                  + ")");
        }
      }
    }
  }

  private void routes(List<String> findings) {
    for (Expectations.Route want : expected.routes()) {
      var tables =
          ec2(want.from())
              .describeRouteTables(r -> r.routeTableIds(want.routeTableId()))
              .routeTables();
      boolean ok =
          tables.stream()
              .flatMap(t -> t.routes().stream())
              .filter(rt -> want.destination().equals(rt.destinationCidrBlock()))
              .anyMatch(
                  rt ->
                      want.via().equals("peering")
                          ? rt.vpcPeeringConnectionId() != null
                          : want.transitGatewayId() == null
                              || want.transitGatewayId().equals(rt.transitGatewayId()));
      if (!ok) {
        findings.add(
            "route table "
                + want.routeTableId()
                + " has no "
                + want.via()
                + " route to "
                + want.destination()
                + " ("
                + want.why()
                + ")");
      }
    }
  }

  private void peerings(List<String> findings) {
    for (List<TopologyTree.Vpc> pair : expected.peerings()) {
      TopologyTree.Vpc a = pair.get(0);
      TopologyTree.Vpc b = pair.get(1);
      boolean active =
          ec2(a)
              .describeVpcPeeringConnections(
                  r ->
                      r.filters(
                          f("requester-vpc-info.vpc-id", a.id()),
                          f("accepter-vpc-info.vpc-id", b.id())))
              .vpcPeeringConnections()
              .stream()
              .anyMatch(p -> "active".equals(p.status().codeAsString()));
      if (!active) {
        findings.add("no active peering " + a.name() + " -> " + b.name());
      }
    }
  }

  private record ZoneHit(HostedZone zone, Route53Client api, String account) {}

  private List<AwsCreds> distinctCreds() {
    Map<String, AwsCreds> byAccount = new LinkedHashMap<>();
    for (AwsCreds c : seeded.credentials().values()) {
      byAccount.putIfAbsent(moto.accountOf(c), c);
    }
    return new ArrayList<>(byAccount.values());
  }

  private void tgwPeerings(List<String> findings) {
    for (Expectations.TgwPeering p : expected.tgwPeerings()) {
      boolean available =
          peeringAttachments(ec2(p.a())).stream()
              .filter(x -> "available".equals(x.stateAsString()))
              .anyMatch(
                  x ->
                      Set.of(p.tgwA().id(), p.tgwB().id())
                          .equals(
                              Set.of(
                                  x.requesterTgwInfo().transitGatewayId(),
                                  x.accepterTgwInfo().transitGatewayId())));
      if (!available) {
        findings.add("no available TGW peering " + p.tgwA().id() + " <-> " + p.tgwB().id());
      }
      tgwRoutesTo(findings, p.a(), p.tgwA(), p.b());
      tgwRoutesTo(findings, p.b(), p.tgwB(), p.a());
    }
  }

  private void tgwRoutesTo(
      List<String> findings,
      TopologyTree.Vpc from,
      TopologyTree.TransitGateway tgw,
      TopologyTree.Vpc to) {
    var routes = staticTgwRoutes(ec2(from), tgw.routeTableId());
    for (String cidr : to.cidrs()) {
      boolean ok =
          routes.stream()
              .anyMatch(
                  r ->
                      cidr.equals(r.destinationCidrBlock())
                          && "active".equals(r.stateAsString())
                          && r.transitGatewayAttachments().stream()
                              .anyMatch(a -> "peering".equals(a.resourceTypeAsString())));
      if (!ok) {
        findings.add(
            "TGW route table "
                + tgw.routeTableId()
                + " has no active route to "
                + cidr
                + " over the peering");
      }
    }
  }

  /** moto also lists VPC attachments here (without TGW infos); keep the peering ones. */
  private static List<software.amazon.awssdk.services.ec2.model.TransitGatewayPeeringAttachment>
      peeringAttachments(Ec2Client ec2) {
    return ec2
        .describeTransitGatewayPeeringAttachments(r -> {})
        .transitGatewayPeeringAttachments()
        .stream()
        .filter(x -> x.requesterTgwInfo() != null && x.accepterTgwInfo() != null)
        .collect(Collectors.toList());
  }

  private static List<software.amazon.awssdk.services.ec2.model.TransitGatewayRoute>
      staticTgwRoutes(Ec2Client ec2, String routeTableId) {
    return ec2.searchTransitGatewayRoutes(
            r -> r.transitGatewayRouteTableId(routeTableId).filters(f("type", "static")))
        .routes();
  }

  /** What is left after destroy in every region and account of the topology; empty when clean. */
  public List<String> afterDestroy() {
    List<String> left = new ArrayList<>();
    // drslink's agent roles are named after the topology (docs/failback.md); none may outlive destroy.
    String agentPrefix = seeded.topology().name() + "-drs-agent-";
    for (AwsCreds creds : distinctCreds()) {
      for (String global : List.of("us-east-1", "us-gov-west-1")) {
        String where = " in account " + moto.accountOf(creds) + " (" + global + ")";
        moto.iam().roleNames(creds, global).stream().filter(n -> n.startsWith(agentPrefix)).forEach(n -> left.add("IAM role " + n + where));
        moto.iam().instanceProfileNames(creds, global).stream().filter(n -> n.startsWith(agentPrefix)).forEach(n -> left.add("IAM instance profile " + n + where));
      }
    }
    Set<String> topologyVpcs =
        seeded.topology().vpcs().stream().map(TopologyTree.Vpc::id).collect(Collectors.toSet());
    // Made before drslink (existing_staging_endpoints): they and their prefix-list routes stay, and must.
    Set<String> preExisting =
        seeded.topology().vpcs().stream().flatMap(v -> v.existingStagingEndpoints().stream()).collect(Collectors.toSet());
    existingStagingEndpoints(left, false);
    for (Map.Entry<String, AwsCreds> place : regionsAndAccounts().entrySet()) {
      String region = place.getKey().split("\\|")[0];
      Ec2Client ec2 = moto.ec2(region, place.getValue());
      String where = " in " + place.getKey().replace("|", " account ");
      live(ec2.describeVpcEndpoints().vpcEndpoints()).stream()
          .filter(e -> !preExisting.contains(e.vpcEndpointId()))
          .forEach(
              e ->
                  left.add(
                      "VPC endpoint " + e.vpcEndpointId() + " (" + e.serviceName() + ")" + where));
      ec2.describeSecurityGroups().securityGroups().stream()
          .filter(g -> !"default".equals(g.groupName()))
          .forEach(
              g -> left.add("security group " + g.groupId() + " (" + g.groupName() + ")" + where));
      ec2.describeVpcPeeringConnections().vpcPeeringConnections().stream()
          .filter(
              p ->
                  Set.of("active", "pending-acceptance", "provisioning", "initiating-request")
                      .contains(p.status().codeAsString()))
          .forEach(
              p ->
                  left.add(
                      "peering "
                          + p.vpcPeeringConnectionId()
                          + " ("
                          + p.status().codeAsString()
                          + ")"
                          + where));
      peeringAttachments(ec2).stream()
          .filter(
              a -> !Set.of("deleted", "deleting", "rejected", "failed").contains(a.stateAsString()))
          .forEach(
              a ->
                  left.add(
                      "TGW peering "
                          + a.transitGatewayAttachmentId()
                          + " ("
                          + a.stateAsString()
                          + ")"
                          + where));
      Set<String> tgwRouteTables = new java.util.TreeSet<>();
      for (TopologyTree.Connectivity c : seeded.topology().connectivity()) {
        for (TopologyTree.TransitGateway t : c.transitGateways().values()) {
          if (t.region().equals(region)) {
            tgwRouteTables.add(t.routeTableId());
          }
        }
      }
      for (String rtb : tgwRouteTables) {
        staticTgwRoutes(ec2, rtb)
            .forEach(r -> left.add("TGW route " + rtb + " -> " + r.destinationCidrBlock() + where));
      }
      moto.drs()
          .templates(place.getValue(), region)
          .forEach(
              x ->
                  left.add(
                      "DRS replication template "
                          + x.path("replicationConfigurationTemplateID").asText()
                          + where));
      ec2.describeRouteTables().routeTables().stream()
          .filter(t -> topologyVpcs.contains(t.vpcId()))
          .flatMap(
              t ->
                  t.routes().stream()
                      .filter(rt -> !"local".equals(rt.gatewayId()) && !preExisting.contains(rt.gatewayId()))
                      .map(rt -> "route " + t.routeTableId() + " -> " + rt.destinationCidrBlock()))
          .forEach(s -> left.add(s + where));
    }
    Map<String, Route53Client> route53 = new LinkedHashMap<>();
    for (TopologyTree.Vpc v : seeded.topology().vpcs()) {
      AwsCreds c = seeded.credsFor(v);
      for (String region : List.of("us-east-1", "us-gov-west-1")) {
        route53.putIfAbsent(
            "account " + moto.accountOf(c) + " (" + MotoFixture.globalRegionOf(region).id() + ")",
            moto.route53(c, region));
      }
    }
    route53.forEach(
        (where, r53) ->
            r53.listHostedZones()
                .hostedZones()
                .forEach(
                    z -> left.add("hosted zone " + z.name() + " (" + z.id() + ") in " + where)));
    return left;
  }

  private Map<String, AwsCreds> regionsAndAccounts() {
    Map<String, AwsCreds> out = new LinkedHashMap<>();
    for (TopologyTree.Vpc v : seeded.topology().vpcs()) {
      AwsCreds c = seeded.credsFor(v);
      out.put(v.region() + "|" + moto.accountOf(c), c);
    }
    return out;
  }

  private Ec2Client ec2(TopologyTree.Vpc v) {
    return moto.ec2(v.region(), seeded.credsFor(v));
  }

  private static List<VpcEndpoint> live(Collection<VpcEndpoint> eps) {
    return eps.stream()
        .filter(
            e ->
                !Set.of("deleted", "deleting", "rejected", "failed")
                    .contains(String.valueOf(e.stateAsString()).toLowerCase()))
        .collect(Collectors.toList());
  }

  static boolean allows(List<IpPermission> perms, int port, String cidr) {
    for (IpPermission p : perms) {
      String proto = p.ipProtocol();
      boolean tcp = "tcp".equals(proto) || "6".equals(proto) || "-1".equals(proto);
      boolean inRange =
          "-1".equals(proto)
              || (p.fromPort() != null
                  && p.toPort() != null
                  && p.fromPort() <= port
                  && port <= p.toPort());
      if (tcp && inRange && p.ipRanges().stream().anyMatch(r -> cidr.equals(r.cidrIp()))) {
        return true;
      }
    }
    return false;
  }

  private static Filter f(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }
}
