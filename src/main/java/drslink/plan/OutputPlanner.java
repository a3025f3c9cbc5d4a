package drslink.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Root outputs: what operators and other pipelines need to look up after apply. */
final class OutputPlanner {
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
    outputs.add(new OutputValue("drs_endpoints", "DRS and S3 interface endpoints per region, with the VPC they live in.", new Hcl.MapOf(endpoints)));
    outputs.add(new OutputValue("private_hosted_zones", "Private hosted zone ids by zone name.", new Hcl.MapOf(zones)));
    outputs.add(new OutputValue("replication_security_groups", "Security group of the DRS replication servers, by staging VPC label.", new Hcl.MapOf(groups)));
    List<Map.Entry<String, Hcl>> peerings = new ArrayList<>();
    for (ModuleCall link : links) {
      String output = link.module().equals("vpc-peering") ? "peering_connection_id" : "peering_attachment_id";
      peerings.add(Map.entry(link.label(), Hcl.ref(link.output(output))));
    }
    if (!peerings.isEmpty()) {
      outputs.add(new OutputValue("peerings", "VPC peering connection and transit gateway peering attachment ids, by module.", new Hcl.MapOf(peerings)));
    }
    if (!settings.isEmpty()) {
      List<Map.Entry<String, Hcl>> templates = new ArrayList<>();
      settings.forEach(s -> templates.add(Map.entry(s.label().substring("drs_settings_".length()), Hcl.ref(s.output("id")))));
      outputs.add(new OutputValue("replication_configuration_templates", "DRS replication configuration template ids, by replication.", new Hcl.MapOf(templates)));
    }
    return outputs;
  }
}
