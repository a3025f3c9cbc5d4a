package drslink.plan;

import drslink.model.derived.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Root outputs: what operators and other pipelines need to look up after apply. */
final class OutputPlanner {
  static final String RESOLVER_OUTPUT = "resolver_inbound_addresses";
  static final String RECOVERY_OUTPUT = "recovery_security_groups";

  static String drsInstallerOutput(String region) {
    return Labels.of("drs_endpoint_dns", region);
  }

  static String s3InstallerOutput(String region) {
    return Labels.of("s3_endpoint_dns", region);
  }

  List<OutputValue> plan(List<EndpointPlanner.RegionPlan> regions, List<ModuleCall> links, List<ModuleCall> settings) {
    List<OutputValue> outputs = new ArrayList<>();
    List<Map.Entry<String, Hcl>> endpoints = new ArrayList<>();
    List<Map.Entry<String, Hcl>> zones = new ArrayList<>();
    List<Map.Entry<String, Hcl>> groups = new ArrayList<>();
    for (EndpointPlanner.RegionPlan region : regions) {
      ModuleCall e = region.endpoints();
      endpoints.add(
          Map.entry(
              region.region(),
              new Hcl.MapOf(
                  List.of(
                      Map.entry("vpc", Hcl.str(region.hub().nameValue())),
                      Map.entry("drs_endpoint_id", Hcl.ref(e.output("drs_endpoint_id"))),
                      Map.entry("s3_endpoint_id", Hcl.ref(e.output("s3_endpoint_id"))),
                      Map.entry("security_group_id", Hcl.ref(e.output("security_group_id")))))));
      region.zones().forEach((name, zone) -> zones.add(Map.entry(name, Hcl.ref(zone.output("zone_id")))));
      region.replicationGroups().values().forEach(g -> groups.add(Map.entry(g.label().substring("replication_sg_".length()), Hcl.ref(g.output("security_group_id")))));
    }
    for (EndpointPlanner.RegionPlan region : regions) {
      if (region.onPremises().stream().anyMatch(n -> !n.usesResolver())) {
        ModuleCall e = region.endpoints();
        outputs.add(
            new OutputValue(
                drsInstallerOutput(region.region()),
                "Endpoint-specific DNS name of the DRS endpoint in " + region.region() + ": the installer's --endpoint on on-premises servers (dns: agent_flags).",
                Hcl.ref(e.output("drs_dns_name"))));
        outputs.add(
            new OutputValue(
                s3InstallerOutput(region.region()),
                "Endpoint-specific DNS name of the S3 endpoint in " + region.region() + ", without the leading \"*.\": the installer's --s3-endpoint on on-premises servers.",
                Hcl.ref(e.output("s3_installer_endpoint"))));
      }
    }
    List<Map.Entry<String, Hcl>> resolvers = new ArrayList<>();
    regions.stream().filter(r -> r.resolver() != null).forEach(r -> resolvers.add(Map.entry(r.region(), Hcl.ref(r.resolver().output("ip_addresses")))));
    if (!resolvers.isEmpty()) {
      outputs.add(new OutputValue(RESOLVER_OUTPUT, "Addresses of the Route 53 Resolver inbound endpoint per region: the targets of the datacenters' conditional forwarders.", new Hcl.MapOf(resolvers)));
    }
    List<Map.Entry<String, Hcl>> recovery = new ArrayList<>();
    regions.forEach(r -> r.recoveryGroups().forEach((vpc, g) -> recovery.add(Map.entry(Labels.of(vpc), Hcl.ref(g.output("security_group_id"))))));
    if (!recovery.isEmpty()) {
      outputs.add(new OutputValue(RECOVERY_OUTPUT, "Security group for recovery instances failing back to on-premises with the DRS Failback Client, by recovery VPC label.", new Hcl.MapOf(recovery)));
    }
    outputs.add(new OutputValue("drs_endpoints", "DRS and S3 interface endpoints per region, with the VPC they live in.", new Hcl.MapOf(endpoints)));
    outputs.add(new OutputValue("private_hosted_zones", "Private hosted zone ids by zone name.", new Hcl.MapOf(zones)));
    outputs.add(new OutputValue("replication_security_groups", "Security group of the DRS replication servers, by staging VPC label.", new Hcl.MapOf(groups)));
    List<Map.Entry<String, Hcl>> peerings = new ArrayList<>();
    for (ModuleCall link : links) {
      switch (link.module()) {
        case "vpc-peering" -> peerings.add(Map.entry(link.label(), Hcl.ref(link.output("peering_connection_id"))));
        case "tgw-peering" -> peerings.add(Map.entry(link.label(), Hcl.ref(link.output("peering_attachment_id"))));
        default -> {} // a transit gateway link's routes: its pair's peering is listed
      }
    }
    if (!peerings.isEmpty()) {
      outputs.add(new OutputValue("peerings", "VPC peering connection and transit gateway peering attachment ids, by module.", new Hcl.MapOf(peerings)));
    }
    if (!settings.isEmpty()) {
      List<Map.Entry<String, Hcl>> templates = new ArrayList<>();
      settings.forEach(s -> templates.add(Map.entry(s.label().substring("drs_settings_".length()), Hcl.ref(s.output("id")))));
      outputs.add(new OutputValue("replication_configuration_templates", "DRS replication configuration template ids, by provider (account and region).", new Hcl.MapOf(templates)));
    }
    return outputs;
  }
}
