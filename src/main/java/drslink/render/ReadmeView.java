package drslink.render;

import drslink.plan.Guide;
import drslink.plan.ModuleCall;
import drslink.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The view of the generated README: the plan's guide, flattened into lists the template prints. */
final class ReadmeView {
  private final Plan plan;

  ReadmeView(Plan plan) {
    this.plan = plan;
  }

  Map<String, Object> view() {
    Guide g = plan.guide();
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("name", plan.topologyName());
    view.put("source", plan.source());
    view.put("providers", plan.providers().stream().map(p -> "`aws." + p.alias() + "` (" + p.region() + (p.accountName() == null ? "" : ", account " + p.accountName()) + ")").toList());
    view.put("regions", g.regions().stream().map(ReadmeView::region).toList());
    view.put("links", g.links());
    view.put("settings", settings());
    view.put("installs", g.installs().stream().map(ReadmeView::install).toList());
    view.put("accountDuties", g.accountDuties());
    view.put("withoutFailback", g.replicationsWithoutFailback());
    view.put("crossAccount", g.usesCrossAccountAssociations());
    view.put("resourceCount", plan.resources().size());
    return view;
  }

  private static Map<String, Object> region(Guide.RegionGuide r) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("region", r.region());
    view.put("endpointVpc", r.endpointVpc());
    view.put("zoneVpc", r.zoneVpc());
    view.put("drsZone", r.zoneNames().get(0));
    view.put("s3Zone", r.zoneNames().get(1));
    List<String> associated = new ArrayList<>();
    r.associationRoles().forEach((vpc, roles) -> associated.add("`" + vpc + "`" + (roles.isEmpty() ? "" : " (" + roles + ")")));
    view.put("associatedVpcs", associated);
    view.put("httpsCidrs", String.join(", ", r.httpsCidrs()));
    List<String> staging = new ArrayList<>();
    r.replicationCidrsByStagingVpc().forEach((vpc, cidrs) -> staging.add("`" + vpc + "`: TCP 1500 from " + String.join(", ", cidrs)));
    view.put("staging", staging);
    view.put("failbackOnly", r.failbackOnly());
    view.put("privateStaging", r.privateStaging());
    return view;
  }

  private List<String> settings() {
    List<String> lines = new ArrayList<>();
    for (ModuleCall m : plan.modules()) {
      if (m.module().equals("drs-replication-settings")) {
        lines.add("`module." + m.label() + "` (" + m.region() + "): " + m.resources().get(0).purpose() + ".");
      }
    }
    return lines;
  }

  private static Map<String, Object> install(Guide.AgentInstall i) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("sourceVpc", i.sourceVpc());
    view.put("sourceRegion", i.sourceRegion());
    view.put("targetRegion", i.targetRegion());
    view.put("endpointVpc", i.endpointVpc());
    view.put("drsHost", i.drsHost());
    view.put("s3Host", i.s3Host());
    view.put("linuxUrl", i.linuxInstallerUrl());
    view.put("windowsUrl", i.windowsInstallerUrl());
    view.put("bucketHost", i.linuxInstallerUrl().substring("https://".length(), i.linuxInstallerUrl().indexOf('/', "https://".length())));
    return view;
  }
}
