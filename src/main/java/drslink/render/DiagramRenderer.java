package drslink.render;

import drslink.plan.Guide;
import drslink.plan.ModuleCall;
import drslink.plan.Plan;
import drslink.plan.ProviderConfig;
import drslink.plan.VpcLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Draws the plan: regions with their VPCs (and the account of each, when the topology has accounts), the DRS/S3
 * endpoints, the Route 53 Resolver inbound endpoints, the staging_private EC2/S3 endpoints, the private zones and
 * which VPCs they are associated with, the links between VPCs, and which way data replicates (source to the DRS
 * template it registers with; bold). Mermaid for GitHub comments, DOT for Graphviz.
 * Node ids are built from validated names, so they need no escaping.
 */
public final class DiagramRenderer {

  private record Edge(String from, String to, String label, boolean dotted, boolean bold) {
    Edge(String from, String to, String label, boolean dotted) {
      this(from, to, label, dotted, false);
    }
  }

  /** {@code outside}: nodes outside every region, the on-premises networks. */
  private record Graph(Map<String, List<String[]>> nodesByRegion, List<String[]> outside, List<Edge> edges) {}

  public String mermaid(Plan plan, Guide guide) {
    Graph g = graph(plan, guide);
    StringBuilder out = new StringBuilder("flowchart LR\n");
    g.nodesByRegion.forEach(
        (region, nodes) -> {
          out.append("  subgraph ").append(id(region)).append("[\"").append(region).append("\"]\n");
          for (String[] n : nodes) {
            out.append("    ").append(n[0]).append(n[2].equals("zone") ? "{{\"" : n[2].equals("endpoint") ? "([\"" : "[\"").append(n[1])
                .append(n[2].equals("zone") ? "\"}}" : n[2].equals("endpoint") ? "\"])" : "\"]").append('\n');
          }
          out.append("  end\n");
        });
    for (String[] n : g.outside) {
      out.append("  ").append(n[0]).append("[(\"").append(n[1]).append("\")]\n");
    }
    for (Edge e : g.edges) {
      out.append("  ").append(e.from).append(e.bold ? " ==>" : e.dotted ? " -.->" : " -->").append("|").append(e.label).append("| ").append(e.to).append('\n');
    }
    return out.toString();
  }

  public String dot(Plan plan, Guide guide) {
    Graph g = graph(plan, guide);
    StringBuilder out = new StringBuilder("digraph drslink {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    g.nodesByRegion.forEach(
        (region, nodes) -> {
          out.append("  subgraph cluster_").append(id(region)).append(" {\n    label=\"").append(region).append("\";\n");
          for (String[] n : nodes) {
            String shape = n[2].equals("zone") ? "hexagon" : n[2].equals("endpoint") ? "ellipse" : "box";
            out.append("    ").append(n[0]).append(" [label=\"").append(n[1].replace("<br/>", "\\n")).append("\", shape=").append(shape).append("];\n");
          }
          out.append("  }\n");
        });
    for (String[] n : g.outside) {
      out.append("  ").append(n[0]).append(" [label=\"").append(n[1].replace("<br/>", "\\n")).append("\", shape=cylinder];\n");
    }
    for (Edge e : g.edges) {
      out.append("  ").append(e.from).append(" -> ").append(e.to).append(" [label=\"").append(e.label).append("\"").append(e.dotted ? ", style=dashed" : "").append(e.bold ? ", style=bold" : "").append("];\n");
    }
    return out.append("}\n").toString();
  }

  private static Graph graph(Plan plan, Guide guide) {
    Map<String, List<String[]>> byRegion = new TreeMap<>();
    Map<String, ProviderConfig> providers = new LinkedHashMap<>();
    plan.providers().forEach(p -> providers.put(p.alias(), p));
    for (VpcLookup v : plan.vpcs()) {
      String account = providers.get(v.providerAlias()).accountName();
      byRegion.computeIfAbsent(v.region(), k -> new ArrayList<>())
          .add(new String[] {"vpc_" + id(v.vpcName()), "VPC " + v.vpcName() + "<br/>" + String.join(", ", v.cidrs()) + (account == null ? "" : "<br/>account " + account), "vpc"});
    }
    List<Edge> edges = new ArrayList<>();
    Map<String, String> linkLabels = new LinkedHashMap<>(Map.of("vpc_peering", "VPC peering", "transit_gateway", "TGW peering", "existing", "existing link"));
    for (Guide.Link link : guide.linkEdges()) {
      edges.add(new Edge("vpc_" + id(link.from()), "vpc_" + id(link.to()), linkLabels.get(link.type()), link.type().equals("existing")));
    }
    for (Guide.RegionGuide r : guide.regions()) {
      String endpoints = "endpoints_" + id(r.region());
      String zones = "zones_" + id(r.region());
      List<String[]> nodes = byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>());
      nodes.add(new String[] {endpoints, "DRS + S3 interface endpoints<br/>in " + r.endpointVpc(), "endpoint"});
      nodes.add(new String[] {zones, "private zones<br/>" + String.join("<br/>", r.zoneNames()), "zone"});
      edges.add(new Edge(endpoints, "vpc_" + id(r.endpointVpc()), "in", false));
      edges.add(new Edge(zones, endpoints, "alias", false));
      edges.add(new Edge(zones, "vpc_" + id(r.zoneVpc()), "associated", true));
      for (String vpc : r.associatedVpcs()) {
        edges.add(new Edge(zones, "vpc_" + id(vpc), "associated", true));
      }
    }
    for (Guide.TemplateGuide t : guide.templates()) {
      String region = t.provider().region();
      String template = "template_" + t.provider().alias();
      byRegion.computeIfAbsent(region, k -> new ArrayList<>())
          .add(new String[] {template, "DRS template" + (t.provider().accountName() == null ? "" : " (" + t.provider().accountName() + ")") + (t.module() == null ? "<br/>set by hand" : ""), "template"});
      edges.add(new Edge(template, "vpc_" + id(t.stagingVpc()), "staging", true));
    }
    for (ModuleCall m : plan.modules()) {
      String hub = guide.regions().stream().filter(r -> r.region().equals(m.region())).map(Guide.RegionGuide::endpointVpc).findFirst().orElse(null);
      if (hub == null) {
        continue;
      }
      if (m.module().equals("resolver-inbound")) {
        String resolver = "resolver_" + id(m.region());
        byRegion.get(m.region()).add(new String[] {resolver, "Route 53 Resolver<br/>inbound endpoint in " + hub, "endpoint"});
        edges.add(new Edge(resolver, "vpc_" + id(hub), "in", false));
        for (Guide.AgentInstall install : guide.installs()) {
          if (install.onPremises() != null && install.onPremises().resolver() && install.targetRegion().equals(m.region())) {
            edges.add(new Edge("vpc_" + id(install.source()), resolver, "DNS forwarding", true));
          }
        }
      } else if (m.module().equals("private-staging")) {
        String staging = "staging_endpoints_" + id(m.region());
        // existing_staging_endpoints: the diagram says which of the two are someone else's.
        List<String> reused = guide.regions().stream().filter(r -> r.region().equals(m.region())).flatMap(r -> r.reusedStagingEndpoints().stream()).toList();
        String label = "EC2 interface + S3 gateway endpoints<br/>for private staging in " + hub + (reused.isEmpty() ? "" : "<br/>(" + reused.size() + " existing, reused)");
        byRegion.get(m.region()).add(new String[] {staging, label, "endpoint"});
        edges.add(new Edge(staging, "vpc_" + id(hub), "in", false));
      }
    }
    for (Guide.AgentInstall install : guide.installs()) {
      // The template of the (account, region) the source registers with; the registrar is null with one account.
      String template =
          byRegion.getOrDefault(install.targetRegion(), List.of()).stream()
              .map(n -> n[0])
              .filter(n -> install.registrar() == null ? n.startsWith("template_") : n.equals("template_" + install.registrar().alias()))
              .findFirst()
              .orElse("endpoints_" + id(install.targetRegion()));
      edges.add(new Edge("vpc_" + id(install.source()), template, "replicates to", false, true));
    }
    List<String[]> outside = new ArrayList<>();
    for (Guide.Network n : guide.networks()) {
      outside.add(new String[] {"vpc_" + id(n.name()), "on-premises " + n.name() + "<br/>" + String.join(", ", n.cidrs()), "network"});
    }
    return new Graph(byRegion, outside, edges);
  }

  private static String id(String name) {
    return name.replace('-', '_');
  }
}
