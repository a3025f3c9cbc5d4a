package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.ProviderOverride;
import harness.terraform.CommandResult;
import harness.terraform.Processes;
import harness.terraform.Terraform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.RuleAction;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.HostedZoneSummary;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPCRegion;

/**
 * {@code drslink preflight} and {@code drslink verify} against moto, on examples/tokyo-osaka: the
 * preflight finds a conflicting private zone and an uninitialized DRS region, then holds once both are
 * fixed; after apply, verify holds, and each break (a zone association, the 1500 rule, a route, a NACL
 * deny on 1500, the S3 wildcard alias, the endpoints' 443 rule, DNS support and DHCP options, the
 * staging subnet's NAT route, a Resolver forwarding rule, the DRS template, source servers) gives its exact finding and exit 5, and holds again once restored; and
 * preflight run again after apply holds (drslink's own zones and template are not conflicts). On
 * examples/cross-account every read goes through the role_arn assumed with moto's STS, and the
 * emulator refuses a zone read by any account but the owner (aws_rules.py R8), so exit 0 there proves
 * each read used its owner's account. Every run is the packaged jar with -v, whose audit lines prove
 * only reads were made. -Dlive.case=NAME runs one case: tokyo-osaka, or the last part of an entry of everyAccountTopologyHoldsAfterApply (fan-in, tgw-shared-peering...).
 */
@ExtendWith(RetryAWriteSentTwice.class) // a write the SDK sent twice: once more, from nothing
@Execution(ExecutionMode.SAME_THREAD) // the class, like every suite, runs alone ...
class LiveChecksIT {
  private static final String CASE = "tokyo-osaka";
  private static final String TARGET_REGION = "ap-northeast-3";
  private static final String SOURCE_REGION = "ap-northeast-1";

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  private static boolean selected(String name) {
    String only = System.getProperty("live.case", "");
    return only.isEmpty() || only.equals(name);
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT) // ... and its cases side by side, each on a moto of its own
  void preflightAndVerifyFindExactlyWhatIsBroken() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(selected(CASE), "-Dlive.case selects another case");
    Path project = Workspace.projectDir();
    DrslinkCli cli = DrslinkCli.fromBuild(project);
    Timings t = new Timings("live-checks");
    try (ToolRuntime runtime = ToolRuntime.fromSystemProperty();
        MotoFixture moto = new MotoFixture(runtime.startMoto(), yaml);
        Workspace ws = Workspace.create("live-checks")) {
      String endpoint = moto.server().endpoint();
      SeededTopology seeded = moto.seed(Files.readString(project.resolve("examples/tokyo-osaka/topology.yaml"), StandardCharsets.UTF_8));
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      String text = seeded.yaml();
      String app = seeded.ids().get("vpc-0a1b2c3d4e5f67890");
      String dr = seeded.ids().get("vpc-0fedcba9876543210");
      String appRtb = seeded.ids().get("rtb-0123456789abcdef0");
      String staging = seeded.ids().get("subnet-0cccccccccccccccc");
      Ec2Client ec2Source = moto.ec2(SOURCE_REGION, AwsCreds.TEST);
      Ec2Client ec2Target = moto.ec2(TARGET_REGION, AwsCreds.TEST);
      Route53Client route53 = moto.route53(AwsCreds.TEST);
      String account = moto.accountOf(AwsCreds.TEST);

      // Preflight, before anything: a private zone of drslink's name already on app, DRS not initialized, and dr's
      // DNS hostnames off, as a VPC made outside the console wizard starts (the fixture turns them on):
      // https://docs.aws.amazon.com/vpc/latest/userguide/AmazonDNS-concepts.html#vpc-dns-support.
      ec2Target.modifyVpcAttribute(r -> r.vpcId(dr).enableDnsHostnames(b -> b.value(false)));
      String conflict =
          route53.createHostedZone(r -> r.name("s3.ap-northeast-3.amazonaws.com").callerReference("drslink-live-conflict").vpc(v -> v.vpcId(app).vpcRegion(VPCRegion.AP_NORTHEAST_1)))
              .hostedZone().id().replace("/hostedzone/", "");
      CommandResult dirty = t.time("preflight-dirty", () -> run(cli, ws, endpoint, "preflight", "-v", "topology.yaml"));
      assertExit(5, dirty);
      assertOnlyReads(dirty);
      keep(project, "preflight-dirty.txt", dirty.stdout());
      assertLine(dirty, at(text, app) + ": error: PRE008 " + conflict + ": VPC app (" + app + ") is already associated with private zone s3.ap-northeast-3.amazonaws.com (" + conflict + ", account " + account
          + "); Route 53 will refuse drslink's zone with ConflictingDomainExists (hint: disassociate that zone from the VPC (aws route53 disassociate-vpc-from-hosted-zone --hosted-zone-id " + conflict
          + " --vpc VPCRegion=ap-northeast-1,VPCId=" + app + ") or delete it)");
      assertLine(dirty, at(text, "app-to-osaka") .replaceAll(":\\d+$", ":5") + ": error: PRE010 drs: DRS is not initialized in ap-northeast-3 (hint: run `aws drs initialize-service --region ap-northeast-3` with the pipeline's credentials)");
      assertLine(dirty, at(text, dr) + ": error: PRE003 " + dr + ": VPC dr has enableDnsSupport=true and enableDnsHostnames=false; private zones need both on"
          + " (hint: aws ec2 modify-vpc-attribute --vpc-id " + dr + " --enable-dns-support / --enable-dns-hostnames (one per call))");
      assertEquals(3, dirty.stdout().lines().filter(l -> l.contains(": error: ")).count(), dirty.stdout());

      route53.deleteHostedZone(r -> r.id(conflict));
      ec2Target.modifyVpcAttribute(r -> r.vpcId(dr).enableDnsHostnames(b -> b.value(true)));
      moto.initializeDrs(seeded);
      moto.natForStaging(seeded);
      CommandResult clean = t.time("preflight-clean", () -> run(cli, ws, endpoint, "preflight", "topology.yaml"));
      assertExit(0, clean);
      assertTrue(clean.stdout().contains("preflight: everything holds"), clean.stdout());

      // Apply the generated root as a user would, pointed at moto.
      Path root = ws.resolve("root");
      cli.generate(topology, root);
      Terraform tf = runtime.terraformOn(root, endpoint, json);
      t.time("init", tf::init);
      ProviderOverride.write(root);
      t.time("apply", () -> tf.apply(Set.of()));

      for (String format : List.of("text", "markdown", "json")) {
        CommandResult ok = t.time("verify-" + format, () -> run(cli, ws, endpoint, "verify", "-v", "--format", format, "topology.yaml"));
        assertExit(0, ok);
        assertOnlyReads(ok);
        keep(project, "verify-clean." + format, ok.stdout());
      }
      // Preflight before a second apply: drslink's own zones and DRS template are ours, not conflicts.
      CommandResult again = t.time("preflight-again", () -> run(cli, ws, endpoint, "preflight", "-v", "topology.yaml"));
      assertExit(0, again);
      assertOnlyReads(again);

      // 1. A zone association removed: app no longer resolves drs.ap-northeast-3 privately.
      String drsZone = zoneId(route53, dr, TARGET_REGION, "drs.ap-northeast-3.amazonaws.com.");
      route53.disassociateVPCFromHostedZone(r -> r.hostedZoneId(drsZone).vpc(v -> v.vpcId(app).vpcRegion(VPCRegion.AP_NORTHEAST_1)));
      CommandResult noZone = t.time("verify-zone", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, noZone);
      assertLine(noZone, at(text, app) + ": error: VER001 " + app + ": VPC app is not associated with a private zone drs.ap-northeast-3.amazonaws.com (replication app-to-osaka, app -> ap-northeast-3): agents there resolve the public address"
          + " (hint: apply the generated root (module.dns_ap_northeast_3_app), or associate the zone with the VPC)");
      keep(project, "verify-broken.txt", noZone.stdout());
      route53.associateVPCWithHostedZone(r -> r.hostedZoneId(drsZone).vpc(v -> v.vpcId(app).vpcRegion(VPCRegion.AP_NORTHEAST_1)));

      // 2. The 1500 rule revoked on drslink's replication group.
      SecurityGroup sg = ec2Target.describeSecurityGroups(r -> r.filters(f -> f.name("tag:Name").values("tokyo-osaka-dr-replication"))).securityGroups().get(0);
      ec2Target.revokeSecurityGroupIngress(r -> r.groupId(sg.groupId()).ipPermissions(p -> p.ipProtocol("tcp").fromPort(1500).toPort(1500).ipRanges(x -> x.cidrIp("10.10.0.0/16"))));
      CommandResult no1500 = t.time("verify-1500", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, no1500);
      assertLine(no1500, at(text, app) + ": error: VER007 " + sg.groupId() + ": replication security group " + sg.groupId() + " does not admit TCP 1500 from app 10.10.0.0/16 (replication app-to-osaka) (hint: apply the generated root to restore the 1500 rule)");
      ec2Target.authorizeSecurityGroupIngress(r -> r.groupId(sg.groupId()).ipPermissions(p -> p.ipProtocol("tcp").fromPort(1500).toPort(1500).ipRanges(x -> x.cidrIp("10.10.0.0/16"))));

      // 3. The peering route from app's listed table deleted.
      String pcx = ec2Source.describeRouteTables(r -> r.routeTableIds(appRtb)).routeTables().get(0).routes().stream().filter(x -> "10.20.0.0/16".equals(x.destinationCidrBlock())).findFirst().orElseThrow().vpcPeeringConnectionId();
      ec2Source.deleteRoute(r -> r.routeTableId(appRtb).destinationCidrBlock("10.20.0.0/16"));
      CommandResult noRoute = t.time("verify-route", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, noRoute);
      String stagingCidr = ec2Target.describeSubnets(r -> r.subnetIds(staging)).subnets().get(0).cidrBlock();
      assertLine(noRoute, at(text, appRtb) + ": error: VER004 " + appRtb + ": route table " + appRtb + " of VPC app has no route to staging subnet " + staging + " (" + stagingCidr + ") (replication app-to-osaka) (hint: apply the generated root to restore the route)");
      ec2Source.createRoute(r -> r.routeTableId(appRtb).destinationCidrBlock("10.20.0.0/16").vpcPeeringConnectionId(pcx));

      // 4. A network ACL deny on 1500 in front of the staging subnet.
      var acl = ec2Target.describeNetworkAcls(r -> r.filters(f -> f.name("vpc-id").values(dr), f -> f.name("default").values("true"))).networkAcls().get(0);
      ec2Target.createNetworkAclEntry(r -> r.networkAclId(acl.networkAclId()).ruleNumber(50).egress(false).protocol("6").portRange(p -> p.from(1500).to(1500)).cidrBlock("0.0.0.0/0").ruleAction(RuleAction.DENY));
      CommandResult denied = t.time("verify-nacl", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, denied);
      assertLine(denied, at(text, staging) + ": error: VER008 " + acl.networkAclId() + ": network ACL " + acl.networkAclId() + " of VPC dr blocks inbound TCP 1500 from app 10.10.0.0/16 to subnet " + staging
          + ": rule 50 (deny tcp 1500-1500 0.0.0.0/0) (replication app-to-osaka) (hint: allow it with a lower-numbered rule, or remove the deny (aws ec2 delete-network-acl-entry --network-acl-id " + acl.networkAclId() + " --rule-number 50 --ingress))");
      ec2Target.deleteNetworkAclEntry(r -> r.networkAclId(acl.networkAclId()).ruleNumber(50).egress(false));

      // 5. The wildcard alias taken out of drslink's S3 zone: bucket-style names (*.s3.REGION) resolve publicly.
      String s3Zone = zoneId(route53, dr, TARGET_REGION, "s3.ap-northeast-3.amazonaws.com.");
      ResourceRecordSet wildcard = route53.listResourceRecordSets(r -> r.hostedZoneId(s3Zone)).resourceRecordSets().stream()
          .filter(x -> x.type() == RRType.A && (x.name().startsWith("*.") || x.name().startsWith("\\052."))).findFirst().orElseThrow();
      route53.changeResourceRecordSets(r -> r.hostedZoneId(s3Zone).changeBatch(b -> b.changes(c -> c.action(ChangeAction.DELETE).resourceRecordSet(wildcard))));
      CommandResult noWildcard = t.time("verify-wildcard", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, noWildcard);
      assertErrors(noWildcard,
          at(text, dr) + ": error: VER002 " + s3Zone + ": zone s3.ap-northeast-3.amazonaws.com (" + s3Zone + ") has no alias A record *.s3.ap-northeast-3.amazonaws.com (replication app-to-osaka, app -> ap-northeast-3)"
              + " (hint: apply the generated root; the record was removed outside it)");
      route53.changeResourceRecordSets(r -> r.hostedZoneId(s3Zone).changeBatch(b -> b.changes(c -> c.action(ChangeAction.CREATE).resourceRecordSet(wildcard))));

      // 6. The 443 rule for app taken off the endpoints' group (drslink gives DRS and S3 one group): neither answers app.
      List<VpcEndpoint> vpce = ec2Target.describeVpcEndpoints(r -> r.filters(f -> f.name("vpc-id").values(dr))).vpcEndpoints();
      VpcEndpoint drsVpce = vpce.stream().filter(e -> e.serviceName().endsWith(".drs")).findFirst().orElseThrow();
      VpcEndpoint s3Vpce = vpce.stream().filter(e -> e.serviceName().endsWith(".s3")).findFirst().orElseThrow();
      String endpointGroup = drsVpce.groups().get(0).groupId();
      ec2Target.revokeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("10.10.0.0/16"))));
      CommandResult no443 = t.time("verify-443", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, no443);
      List<String> no443Lines = new ArrayList<>();
      for (VpcEndpoint e : List.of(drsVpce, s3Vpce)) {
        no443Lines.add(at(text, app) + ": error: VER006 " + e.vpcEndpointId() + ": the security groups of endpoint " + e.vpcEndpointId() + " for " + e.serviceName() + " (" + endpointGroup + ") do not admit TCP 443 from app 10.10.0.0/16 (replication app-to-osaka)"
            + " (hint: apply the generated root to restore the 443 rule and the endpoint's groups)");
      }
      assertErrors(no443, no443Lines.toArray(String[]::new));
      ec2Target.authorizeSecurityGroupIngress(r -> r.groupId(endpointGroup).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("10.10.0.0/16"))));

      // 7. app's DNS support turned off, and DHCP options naming the team's own DNS servers. Hostnames go off first and
      //    come back last: "You can only enable DNS hostnames if you've enabled DNS support", one attribute per call
      //    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifyVpcAttribute.html).
      String appDhcp = ec2Source.describeVpcs(r -> r.vpcIds(app)).vpcs().get(0).dhcpOptionsId();
      ec2Source.modifyVpcAttribute(r -> r.vpcId(app).enableDnsHostnames(b -> b.value(false)));
      ec2Source.modifyVpcAttribute(r -> r.vpcId(app).enableDnsSupport(b -> b.value(false)));
      String corpDns = ec2Source.createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name-servers").values("10.10.0.53", "10.10.1.53"))).dhcpOptions().dhcpOptionsId();
      ec2Source.associateDhcpOptions(r -> r.vpcId(app).dhcpOptionsId(corpDns));
      CommandResult noDns = t.time("verify-dns", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, noDns);
      assertErrors(noDns,
          at(text, app) + ": error: VER012 " + app + ": VPC app has DNS support (enableDnsSupport) off: the Route 53 Resolver does not answer there, so no private zone does (hint: aws ec2 modify-vpc-attribute --vpc-id " + app + " --enable-dns-support)",
          at(text, app) + ": error: VER013 " + corpDns + ": VPC app uses DHCP options " + corpDns + " with DNS servers 10.10.0.53, 10.10.1.53: instances asking them do not see drslink's private zones unless those servers forward drs and s3 names to the VPC resolver"
              + " (hint: forward drs.ap-northeast-3.amazonaws.com and s3.ap-northeast-3.amazonaws.com from those servers to the Route 53 Resolver (an inbound endpoint), or use AmazonProvidedDNS)");
      ec2Source.associateDhcpOptions(r -> r.vpcId(app).dhcpOptionsId(appDhcp));
      ec2Source.modifyVpcAttribute(r -> r.vpcId(app).enableDnsSupport(b -> b.value(true)));
      ec2Source.modifyVpcAttribute(r -> r.vpcId(app).enableDnsHostnames(b -> b.value(true)));

      // 8. The staging subnet's default route to the NAT gateway deleted: replication servers cannot reach the EC2 API.
      var stagingTables = ec2Target.describeRouteTables(r -> r.filters(f -> f.name("association.subnet-id").values(staging))).routeTables();
      if (stagingTables.isEmpty()) {
        stagingTables = ec2Target.describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(dr), f -> f.name("association.main").values("true"))).routeTables();
      }
      String stagingTable = stagingTables.get(0).routeTableId();
      String nat = stagingTables.get(0).routes().stream().filter(x -> "0.0.0.0/0".equals(x.destinationCidrBlock())).findFirst().orElseThrow().natGatewayId();
      ec2Target.deleteRoute(r -> r.routeTableId(stagingTable).destinationCidrBlock("0.0.0.0/0"));
      CommandResult noEgress = t.time("verify-egress", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, noEgress);
      assertErrors(noEgress,
          at(text, staging) + ": error: VER014 " + stagingTable + ": staging subnet " + staging + " of VPC dr (route table " + stagingTable + ") has no default route: replication servers cannot reach the EC2 API"
              + " (hint: route 0.0.0.0/0 to a NAT gateway or transit gateway, or set staging_private: true and regenerate)");
      ec2Target.createRoute(r -> r.routeTableId(stagingTable).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));

      // 9. A forwarding rule for drs.ap-northeast-3 (a central DNS team's, through its outbound endpoint in its own VPC)
      //    associated with app: of a rule and a private zone for one name, the rule wins, so the zone no longer answers.
      String dnsVpc = ec2Source.createVpc(r -> r.cidrBlock("10.99.0.0/16")).vpc().vpcId();
      String dnsSubnet = ec2Source.createSubnet(r -> r.vpcId(dnsVpc).cidrBlock("10.99.0.0/24").availabilityZone(SOURCE_REGION + "a")).subnet().subnetId();
      String dnsGroup = ec2Source.createSecurityGroup(r -> r.vpcId(dnsVpc).groupName("corp-dns-outbound").description("outbound resolver")).groupId();
      String outbound = resolver(endpoint, "CreateResolverEndpoint", "{\"CreatorRequestId\":\"corp-out\",\"Name\":\"corp-out\",\"Direction\":\"OUTBOUND\",\"SecurityGroupIds\":[\"" + dnsGroup
          + "\"],\"IpAddresses\":[{\"SubnetId\":\"" + dnsSubnet + "\",\"Ip\":\"10.99.0.10\"},{\"SubnetId\":\"" + dnsSubnet + "\",\"Ip\":\"10.99.0.11\"}]}").path("ResolverEndpoint").path("Id").asText();
      String rule = resolver(endpoint, "CreateResolverRule", "{\"CreatorRequestId\":\"corp-drs\",\"Name\":\"corp-drs\",\"RuleType\":\"FORWARD\",\"DomainName\":\"drs.ap-northeast-3.amazonaws.com\",\"TargetIps\":[{\"Ip\":\"192.168.0.2\",\"Port\":53}],\"ResolverEndpointId\":\""
          + outbound + "\"}").path("ResolverRule").path("Id").asText();
      String ruleOnApp = "{\"ResolverRuleId\":\"" + rule + "\",\"VPCId\":\"" + app + "\"}";
      resolver(endpoint, "AssociateResolverRule", ruleOnApp);
      CommandResult forwarded = t.time("verify-resolver-rule", () -> run(cli, ws, endpoint, "verify", "-v", "topology.yaml"));
      assertExit(5, forwarded);
      assertOnlyReads(forwarded);
      assertErrors(forwarded,
          at(text, app) + ": error: VER016 " + rule + ": Resolver rule " + rule + " forwards drs.ap-northeast-3.amazonaws.com from VPC app to other DNS servers, so drslink's private zone of that name does not answer there (replication app-to-osaka)"
              + " (hint: disassociate the rule from the VPC (aws route53resolver disassociate-resolver-rule --resolver-rule-id " + rule + " --vpc-id " + app + "), or make those servers answer with the endpoint's addresses)");
      resolver(endpoint, "DisassociateResolverRule", ruleOnApp);

      // 10. drslink's DRS template switched by hand to public routing with public IPs: new servers would replicate over the internet.
      MotoDrs drsTemplate = moto.drs();
      String rct = drsTemplate.templates(AwsCreds.TEST, TARGET_REGION).get(0).path("replicationConfigurationTemplateID").asText();
      assertEquals(200, drsTemplate.call(AwsCreds.TEST, TARGET_REGION, "UpdateReplicationConfigurationTemplate", "{\"replicationConfigurationTemplateID\":\"" + rct + "\",\"dataPlaneRouting\":\"PUBLIC_IP\",\"createPublicIP\":true}").status());
      CommandResult publicTemplate = t.time("verify-template", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(5, publicTemplate);
      assertErrors(publicTemplate, at(text, "replication_server_instance_type") + ": error: VER009 " + rct + ": DRS template " + rct + " in ap-northeast-3 has data plane routing PUBLIC_IP instead of PRIVATE_IP; public IPs on replication servers"
          + " (hint: apply the generated root (module.drs_settings_*) so the template is drslink's again)");
      assertEquals(200, drsTemplate.call(AwsCreds.TEST, TARGET_REGION, "UpdateReplicationConfigurationTemplate", "{\"replicationConfigurationTemplateID\":\"" + rct + "\",\"dataPlaneRouting\":\"PRIVATE_IP\",\"createPublicIP\":false}").status());

      // 11. Source servers keep the settings they were added with: one changed by hand to public routing
      //    is found although the template is drslink's (a conforming one beside it is not).
      //    And a server of app whose launch template, as DRS makes it, names no subnet: the recovery would land in
      //    the default subnet, not in dr (a warning, VER018), until its template's default version names one of dr.
      MotoDrs drs = moto.drs();
      String appServer = drs.registerSourceServer(AwsCreds.TEST, TARGET_REGION, "app-1", List.of("10.10.1.5"));
      String publicServer = drs.registerSourceServer(AwsCreds.TEST, TARGET_REGION, "app-2");
      drs.updateReplicationConfiguration(AwsCreds.TEST, TARGET_REGION, publicServer, "\"dataPlaneRouting\":\"PUBLIC_IP\",\"createPublicIP\":true");
      CommandResult publicRouting = t.time("verify-source-server", () -> run(cli, ws, endpoint, "verify", "-v", "topology.yaml"));
      assertExit(5, publicRouting);
      assertOnlyReads(publicRouting);
      assertTrue(
          publicRouting.stdout().contains("error: VER017 " + publicServer + ": source server " + publicServer + " (app-2) in ")
              && publicRouting.stdout().contains(" replicates with data plane routing PUBLIC_IP instead of PRIVATE_IP; public IPs on replication servers: it keeps its own settings, not the template's"),
          publicRouting.stdout());
      assertEquals(1, publicRouting.stdout().lines().filter(l -> l.contains(": error: ")).count(), publicRouting.stdout());
      assertTrue(publicRouting.stdout().contains("warning: VER018 " + appServer + ": source server " + appServer + " (app-1) of replication app-to-osaka would recover with no subnet, so DRS uses the default subnet, not one of dr"), publicRouting.stdout());
      drs.updateReplicationConfiguration(AwsCreds.TEST, TARGET_REGION, publicServer, "\"dataPlaneRouting\":\"PRIVATE_IP\",\"createPublicIP\":false");
      // The fix the warning gives: a template version naming a subnet of dr, made the default.
      String launchTemplate = drs.parse(drs.call(AwsCreds.TEST, TARGET_REGION, "GetLaunchConfiguration", "{\"sourceServerID\":\"" + appServer + "\"}").body()).path("ec2LaunchTemplateID").asText();
      long version =
          ec2Target.createLaunchTemplateVersion(r -> r.launchTemplateId(launchTemplate).sourceVersion("$Default").launchTemplateData(d -> d.networkInterfaces(n -> n.deviceIndex(0).subnetId(staging))))
              .launchTemplateVersion().versionNumber();
      ec2Target.modifyLaunchTemplate(r -> r.launchTemplateId(launchTemplate).defaultVersion(Long.toString(version)));

      CommandResult restored = t.time("verify-restored", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
      assertExit(0, restored);
      assertTrue(!restored.stdout().contains("VER018") && !restored.stdout().contains("VER017"), restored.stdout());
    } finally {
      System.err.println(t);
    }
  }

  /**
   * Every topology with several accounts: examples/cross-account, several source accounts
   * (cross-account-fan-in) and a failback landing per source account (failback-accounts); and datacenters, one of
   * them forwarding to a Route 53 Resolver inbound endpoint (hybrid-datacenters). Clean after
   * apply: preflight before, verify and preflight again after all exit 0, every read made through the
   * accounts' role_arn (moto's STS) and each zone read by its owner (R8 refuses any other reader). Then hybrid
   * (the Failback Client's 1500 rule, VER020), hybrid-datacenters (the inbound endpoint's UDP 53 rule, VER019) and
   * transit-gateway (propagation, then an attachment's zone, VER015) are broken, found and restored.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @Execution(ExecutionMode.CONCURRENT)
  @org.junit.jupiter.params.provider.ValueSource(strings = {"examples/cross-account", "examples/hybrid", "examples/fan-in", "examples/transit-gateway", "golden/tgw-shared-peering", "golden/cross-account-fan-in", "golden/failback-accounts", "golden/hybrid-datacenters"})
  void everyAccountTopologyHoldsAfterApply(String name) throws Exception {
    String caseName = name.substring(name.indexOf('/') + 1);
    org.junit.jupiter.api.Assumptions.assumeTrue(selected(caseName), "-Dlive.case selects another case");
    Path project = Workspace.projectDir();
    DrslinkCli cli = DrslinkCli.fromBuild(project);
    Timings t = new Timings("live-checks-" + caseName);
    try (ToolRuntime runtime = ToolRuntime.fromSystemProperty();
        MotoFixture moto = new MotoFixture(runtime.startMoto(), yaml);
        Workspace ws = Workspace.create("live-checks-" + caseName)) {
      String endpoint = moto.server().endpoint();
      SeededTopology seeded = moto.seed(Files.readString(project.resolve((name.startsWith("golden/") ? "src/test/resources/" : "") + name + "/topology.yaml"), StandardCharsets.UTF_8));
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      moto.initializeDrs(seeded);
      moto.natForStaging(seeded);
      moto.gatewaysForDatacenters(seeded);
      moto.peeringsForExistingLinks(seeded);

      CommandResult before = t.time("preflight", () -> run(cli, ws, endpoint, "preflight", "-v", "topology.yaml"));
      assertExit(0, before);
      assertOnlyReads(before);
      if (seeded.yaml().contains("role_arn:")) {
        assertTrue(before.stderr().contains("read Sts:AssumeRole"), before.stderr());
      }

      Path root = ws.resolve("root");
      cli.generate(topology, root);
      Terraform tf = runtime.terraformOn(root, endpoint, json);
      t.time("init", tf::init);
      ProviderOverride.write(root);
      t.time("apply", () -> tf.apply(Set.of()));

      CommandResult verified = t.time("verify", () -> run(cli, ws, endpoint, "verify", "-v", "--format", "json", "topology.yaml"));
      assertExit(0, verified);
      assertOnlyReads(verified);
      assertEquals("ok", json.readTree(verified.stdout()).path("status").asText(), verified.stdout());
      keep(project, "verify-" + caseName + ".json", verified.stdout());

      CommandResult again = t.time("preflight-again", () -> run(cli, ws, endpoint, "preflight", "-v", "topology.yaml"));
      assertExit(0, again);
      assertOnlyReads(again);

      if (caseName.equals("hybrid")) {
        // The Failback Client's 1500 rule revoked on drslink's recovery group in dr: failback to dc-tokyo cannot pair.
        String dr = seeded.ids().get("vpc-0fedcba9876543210");
        Ec2Client osaka = moto.ec2(TARGET_REGION, AwsCreds.TEST);
        SecurityGroup recovery = osaka.describeSecurityGroups(r -> r.filters(f -> f.name("tag:Name").values("hybrid-dr-recovery-failback"))).securityGroups().get(0);
        osaka.revokeSecurityGroupIngress(r -> r.groupId(recovery.groupId()).ipPermissions(p -> p.ipProtocol("tcp").fromPort(1500).toPort(1500).ipRanges(x -> x.cidrIp("192.168.50.0/24"))));
        CommandResult no1500 = t.time("verify-failback-1500", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
        assertExit(5, no1500);
        assertLine(no1500, at(seeded.yaml(), dr) + ": error: VER020 " + recovery.groupId() + ": recovery instance security group " + recovery.groupId() + " in VPC dr does not admit TCP 1500 from the Failback Client in 192.168.50.0/24: failback to on-premises cannot pair"
            + " (hint: apply the generated root (module.recovery_sg_dr) to restore the 1500 rule)");
        osaka.authorizeSecurityGroupIngress(r -> r.groupId(recovery.groupId()).ipPermissions(p -> p.ipProtocol("tcp").fromPort(1500).toPort(1500).ipRanges(x -> x.cidrIp("192.168.50.0/24"))));
        assertExit(0, t.time("verify-failback-restored", () -> run(cli, ws, endpoint, "verify", "topology.yaml")));
      }
      if (caseName.equals("hybrid-datacenters")) {
        // The inbound endpoint's group stops admitting DNS over UDP from dc-east: the queries its DNS servers forward
        // for the DRS and S3 names go unanswered (VER019), until the rule is back.
        String recovery = seeded.ids().get("vpc-0e000000000000002");
        String endpointName = "hybrid-datacenters-recovery-resolver-inbound";
        Ec2Client singapore = moto.ec2("ap-southeast-1", AwsCreds.TEST);
        String group = singapore.describeSecurityGroups(r -> r.filters(f -> f.name("tag:Name").values(endpointName))).securityGroups().get(0).groupId();
        String inbound = null;
        for (JsonNode e : resolver(endpoint, "ap-southeast-1", "ListResolverEndpoints", "{}").path("ResolverEndpoints")) {
          inbound = endpointName.equals(e.path("Name").asText()) ? e.path("Id").asText() : inbound;
        }
        singapore.revokeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("udp").fromPort(53).toPort(53).ipRanges(x -> x.cidrIp("192.168.0.0/17"))));
        CommandResult noDns = t.time("verify-resolver-udp", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
        assertExit(5, noDns);
        assertErrors(noDns, at(seeded.yaml(), recovery) + ": error: VER019 " + inbound + ": Route 53 Resolver inbound endpoint " + inbound + " in VPC recovery has no UDP 53 from 192.168.0.0/17 (hint: apply the generated root (module.resolver_inbound_recovery))");
        singapore.authorizeSecurityGroupIngress(r -> r.groupId(group).ipPermissions(p -> p.ipProtocol("udp").fromPort(53).toPort(53).ipRanges(x -> x.cidrIp("192.168.0.0/17"))));
        assertExit(0, t.time("verify-resolver-restored", () -> run(cli, ws, endpoint, "verify", "topology.yaml")));
      }
      if (caseName.equals("transit-gateway")) {
        // The recovery VPC's attachment stops propagating into its table: what arrives over the gateway peering
        // from shop has no way into recovery (VER015), until the propagation is back.
        String table = seeded.ids().get("tgw-rtb-02222222222222222");
        String attachment = seeded.ids().get("tgw-attach-02222222222222222");
        Ec2Client sydney = moto.ec2("ap-southeast-2", AwsCreds.TEST);
        sydney.disableTransitGatewayRouteTablePropagation(r -> r.transitGatewayRouteTableId(table).transitGatewayAttachmentId(attachment));
        CommandResult noPropagation = t.time("verify-propagation", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
        assertExit(5, noPropagation);
        assertLine(noPropagation, at(seeded.yaml(), table) + ": error: VER015 " + table + ": transit gateway route table " + table + " does not send recovery 10.40.0.0/16 to its attachment " + attachment
            + " (no route): traffic from shop that arrives over the transit gateway peering cannot reach recovery (replication shop-to-sydney) (hint: propagate the attachment into the table (aws ec2 enable-transit-gateway-route-table-propagation --transit-gateway-route-table-id "
            + table + " --transit-gateway-attachment-id " + attachment + "), or add a static route (aws ec2 create-transit-gateway-route --transit-gateway-route-table-id " + table + " --destination-cidr-block 10.40.0.0/16 --transit-gateway-attachment-id " + attachment + "))");
        sydney.enableTransitGatewayRouteTablePropagation(r -> r.transitGatewayRouteTableId(table).transitGatewayAttachmentId(attachment));
        assertExit(0, t.time("verify-propagated", () -> run(cli, ws, endpoint, "verify", "topology.yaml")));

        // The attachment loses its subnet in the zone of recovery's second endpoint subnet (AWS lets an attachment drop a
        // zone while one subnet stays): that endpoint subnet can no longer reach the gateway (VER015), until it is back.
        String endpointSubnet = seeded.ids().get("subnet-02222222222222222");
        String zone = sydney.describeSubnets(r -> r.subnetIds(endpointSubnet)).subnets().get(0).availabilityZone();
        List<String> attached = sydney.describeTransitGatewayVpcAttachments(r -> r.transitGatewayAttachmentIds(attachment)).transitGatewayVpcAttachments().get(0).subnetIds();
        String inZone = sydney.describeSubnets(r -> r.subnetIds(attached)).subnets().stream().filter(x -> x.availabilityZone().equals(zone)).findFirst().orElseThrow().subnetId();
        sydney.modifyTransitGatewayVpcAttachment(r -> r.transitGatewayAttachmentId(attachment).removeSubnetIds(inZone));
        CommandResult noZone = t.time("verify-attachment-zone", () -> run(cli, ws, endpoint, "verify", "topology.yaml"));
        assertExit(5, noZone);
        assertErrors(noZone, at(seeded.yaml(), attachment) + ": error: VER015 " + attachment + ": transit gateway attachment " + attachment + " of VPC recovery has no subnet in " + zone + ", so subnet " + endpointSubnet
            + " there cannot reach the transit gateway (replication shop-to-sydney) (hint: add a subnet in " + zone + " to the attachment (aws ec2 modify-transit-gateway-vpc-attachment --transit-gateway-attachment-id " + attachment + " --add-subnet-ids SUBNET))");
        sydney.modifyTransitGatewayVpcAttachment(r -> r.transitGatewayAttachmentId(attachment).addSubnetIds(inZone));
        assertExit(0, t.time("verify-attachment-restored", () -> run(cli, ws, endpoint, "verify", "topology.yaml")));
      }
    } finally {
      System.err.println(t);
    }
  }

  /**
   * verify's time at 100 sources after apply (the fan-in shape of scripts/bench.sh, N VPCs in Tokyo, split
   * between recovery VPCs in Osaka and Singapore). Opt-in, -Dlive.case=scale (the apply takes minutes); the
   * time is kept in target/e2e-logs/live/verify-scale.txt for docs/live-checks.md. -Dlive.sources=N.
   */
  @Test
  void verifyTimeAtOneHundredSources() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue("scale".equals(System.getProperty("live.case")), "opt-in: -Dlive.case=scale");
    int n = Integer.getInteger("live.sources", 100);
    Path project = Workspace.projectDir();
    DrslinkCli cli = DrslinkCli.fromBuild(project);
    Timings t = new Timings("live-checks-scale");
    try (ToolRuntime runtime = ToolRuntime.fromSystemProperty();
        MotoFixture moto = new MotoFixture(runtime.startMoto(), yaml);
        Workspace ws = Workspace.create("live-checks-scale")) {
      String endpoint = moto.server().endpoint();
      // Two recovery regions of n/2 sources each: one group of 100 rules would pass AWS's 60 rules per security group
      // (validate's DRS130 says so; https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html).
      String[][] targets = {{"ap-northeast-3", "dr", "10.200.0.0/16", "0fedcba9876543210"}, {"ap-southeast-1", "dr2", "10.201.0.0/16", "0fedcba9876543211"}};
      StringBuilder y = new StringBuilder("version: 1\nname: scale\nregions:\n  - name: ap-northeast-1\n    vpcs:\n");
      for (int i = 0; i < n; i++) {
        y.append(String.format("      - { name: app%d, id: vpc-1%07d, cidr: 10.%d.%d.0/24, route_table_ids: [rtb-2%07d] }%n", i, i, i / 256, i % 256, i));
      }
      for (String[] g : targets) {
        String k = g[3].substring(g[3].length() - 1);
        y.append("  - name: ").append(g[0]).append("\n    vpcs:\n      - { name: ").append(g[1]).append(", id: vpc-").append(g[3]).append(", cidr: ").append(g[2])
            .append(", route_table_ids: [rtb-").append(g[3]).append("], endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaa").append(k).append(", subnet-0bbbbbbbbbbbbbbb").append(k)
            .append("], staging_subnet_id: subnet-0ccccccccccccccc").append(k).append(" }\n");
      }
      y.append("connectivity:\n");
      for (int i = 0; i < n; i++) {
        y.append("  - { type: vpc_peering, vpcs: [app").append(i).append(", ").append(targets[i % 2][1]).append("] }\n");
      }
      y.append("replication:\n");
      for (int t2 = 0; t2 < 2; t2++) {
        y.append("  - name: to-").append(targets[t2][1]).append("\n    target: ").append(targets[t2][1]).append("\n    sources:\n");
        for (int i = t2; i < n; i += 2) {
          y.append("      - app").append(i).append('\n');
        }
        y.append("    settings:\n      replication_server_instance_type: t3.small\n      pit_retention_days: 7\n");
      }
      SeededTopology seeded = moto.seed(y.toString());
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      moto.initializeDrs(seeded);
      moto.natForStaging(seeded);
      Path root = ws.resolve("root");
      cli.generate(topology, root);
      Terraform tf = runtime.terraformOn(root, endpoint, json);
      t.time("init", tf::init);
      ProviderOverride.write(root);
      t.time("apply", () -> tf.apply(Set.of()));
      long start = System.nanoTime();
      CommandResult verified = run(cli, ws, endpoint, "verify", "-v", "topology.yaml");
      double seconds = (System.nanoTime() - start) / 1e9;
      assertExit(0, verified);
      assertOnlyReads(verified);
      long calls = verified.stderr().lines().filter(l -> l.contains(": read ")).mapToLong(l -> Long.parseLong(l.replaceAll(".*\\((\\d+) calls?\\)$", "$1"))).sum();
      String line = String.format("verify, %d sources after apply on moto: %.1f s wall (the jar, JVM start included), %d AWS calls%n", n, seconds, calls);
      System.err.print(line);
      keep(project, "verify-scale.txt", line + verified.stdout());
      assertTrue(seconds < 60, line);
    } finally {
      System.err.println(t);
    }
  }

  /** A Route 53 Resolver call to moto as the CLI makes it (JSON 1.1, signed for route53resolver, in Tokyo unless told); any error fails the test. */
  private JsonNode resolver(String endpoint, String operation, String body) throws IOException {
    return resolver(endpoint, SOURCE_REGION, operation, body);
  }

  private JsonNode resolver(String endpoint, String region, String operation, String body) throws IOException {
    SignedHttp.Reply r = new SignedHttp(endpoint).send(AwsCreds.TEST, "route53resolver", region, "POST", "/", "application/x-amz-json-1.1", body, java.util.Map.of("X-Amz-Target", "Route53Resolver." + operation));
    assertEquals(200, r.status(), () -> operation + ": " + r.body());
    return json.readTree(r.body());
  }

  /** The jar, run in the workspace with static moto keys only: no profile, no instance metadata, no AWS. */
  static CommandResult run(DrslinkCli cli, Workspace ws, String endpoint, String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar(cli).toString()));
    command.addAll(List.of(args));
    command.add(1 + command.indexOf(args[0]), "--endpoint-url=" + endpoint);
    ProcessBuilder pb = new ProcessBuilder(command).directory(ws.dir().toFile());
    var env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_CONFIG_FILE", ws.resolve("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", ws.resolve("no-aws-credentials").toString());
    env.put("NO_COLOR", "1");
    return Processes.run(pb, command, Duration.ofMinutes(2));
  }

  private static Path jar(DrslinkCli cli) {
    return Workspace.projectDir().resolve("target/drslink.jar");
  }

  private static String zoneId(Route53Client route53, String vpc, String region, String name) {
    for (HostedZoneSummary z : route53.listHostedZonesByVPC(r -> r.vpcId(vpc).vpcRegion(VPCRegion.fromValue(region))).hostedZoneSummaries()) {
      if (z.name().equals(name)) {
        return z.hostedZoneId().replace("/hostedzone/", "");
      }
    }
    throw new AssertionError("no zone " + name + " on " + vpc);
  }

  /** "topology.yaml:LINE:COL" of the first whole-word occurrence of {@code token} in the seeded text. */
  static String at(String text, String token) {
    Matcher m = Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(token) + "(?![A-Za-z0-9-])").matcher(text);
    if (!m.find()) {
      throw new AssertionError(token + " not in the topology");
    }
    String before = text.substring(0, m.start());
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = m.start() - before.lastIndexOf('\n');
    return "topology.yaml:" + line + ":" + column;
  }

  private static void assertExit(int expected, CommandResult r) {
    assertEquals(expected, r.exitCode(), () -> String.join(" ", r.command()) + "\nstdout:\n" + r.stdout() + "\nstderr:\n" + r.stderr());
  }

  /** The finding is one whole line of the report (indented two spaces under its region). */
  private static void assertLine(CommandResult r, String line) {
    assertTrue(r.stdout().lines().map(String::strip).anyMatch(line::equals), () -> "expected the line\n  " + line + "\nin:\n" + r.stdout());
  }

  /** The report's error lines are exactly these (warnings aside): the break gives its finding and nothing else. */
  private static void assertErrors(CommandResult r, String... lines) {
    List<String> errors = r.stdout().lines().map(String::strip).filter(l -> l.contains(": error: ")).sorted().toList();
    assertEquals(java.util.Arrays.stream(lines).sorted().toList(), errors, r.stdout());
  }

  /** -v lists every AWS operation made; all must be reads (ReadOnlyGuard would have refused anything else). */
  static void assertOnlyReads(CommandResult r) {
    List<String> calls = r.stderr().lines().filter(l -> l.contains(": read ")).toList();
    assertTrue(calls.size() >= 5, () -> "expected the audit of AWS calls on stderr:\n" + r.stderr());
    for (String c : calls) {
      String op = c.replaceAll(".*: read [^:]+:(\\S+) .*", "$1");
      assertTrue(op.startsWith("Describe") || op.startsWith("List") || op.startsWith("Get") || op.equals("AssumeRole") || op.equals("SearchTransitGatewayRoutes"), c);
    }
  }

  /** Keeps real output for the README samples, under target/e2e-logs. */
  private static void keep(Path project, String name, String content) throws IOException {
    Path dir = project.resolve("target/e2e-logs/live");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }
}
