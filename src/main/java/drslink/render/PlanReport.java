package drslink.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.plan.PlannedResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What {@code drslink plan} prints: every resource with its region and purpose, grouped by region. */
public final class PlanReport {
  private final ObjectMapper json;

  public PlanReport(ObjectMapper json) {
    this.json = json;
  }

  public String text(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("drslink will generate these resources for topology ").append(plan.topologyName()).append(" (").append(plan.source()).append("):\n");
    Map<String, List<PlannedResource>> groups = byGroup(plan);
    groups.forEach(
        (group, resources) -> {
          out.append('\n').append(group).append('\n');
          for (PlannedResource r : resources) {
            String sign = r.address().startsWith("data.") ? "<=" : "+";
            out.append("  ").append(sign).append(' ').append(r.address()).append('\n');
            out.append("      ").append(r.purpose()).append('\n');
          }
        });
    out.append("\nRecovery instances (set per source server after its agent registers: generated README, step 6)\n");
    recoveryLines(plan).forEach(line -> out.append("  ").append(line).append('\n'));
    long reads = plan.resources().stream().filter(r -> r.address().startsWith("data.")).count();
    long creates = plan.resources().size() - reads;
    out.append("\nPlan: ").append(creates).append(" to create in ").append(groups.size()).append(groups.size() == 1 ? " region" : " regions");
    out.append(", ").append(reads).append(reads == 1 ? " VPC" : " VPCs").append(" to read.\n");
    return out.toString();
  }

  /** For a pull-request comment: a summary table, the warnings, the resources and a Mermaid diagram. */
  public String markdown(Plan plan, List<String> warnings, DiagramRenderer diagrams) {
    StringBuilder out = new StringBuilder();
    out.append("## drslink plan: ").append(plan.topologyName()).append("\n\n");
    out.append("Generated from `").append(plan.source()).append("`.\n\n");
    Map<String, List<PlannedResource>> groups = byGroup(plan);
    out.append("| Region | Account | To create | VPCs read |\n|---|---|---:|---:|\n");
    groups.forEach(
        (group, resources) -> {
          PlannedResource first = resources.get(0);
          long reads = resources.stream().filter(r -> r.address().startsWith("data.")).count();
          out.append("| ").append(first.region()).append(" | ").append(first.account() == null ? "(pipeline's)" : first.account()).append(" | ")
              .append(resources.size() - reads).append(" | ").append(reads).append(" |\n");
        });
    long reads = plan.resources().stream().filter(r -> r.address().startsWith("data.")).count();
    out.append("\n**").append(plan.resources().size() - reads).append(" to create, ").append(reads).append(" VPCs to read.**\n");
    if (!warnings.isEmpty()) {
      out.append("\n### Warnings\n\n");
      warnings.forEach(w -> out.append("- ").append(cell(w)).append('\n'));
    }
    out.append("\n### Recovery instances\n\n");
    recoveryLines(plan).forEach(line -> out.append("- ").append(cell(line)).append('\n'));
    out.append("\n### Resources\n");
    groups.forEach(
        (group, resources) -> {
          out.append("\n<details><summary>").append(group).append(" (").append(resources.size()).append(")</summary>\n\n");
          out.append("| Address | Purpose |\n|---|---|\n");
          for (PlannedResource r : resources) {
            out.append("| `").append(cell(r.address())).append("` | ").append(cell(r.purpose())).append(" |\n");
          }
          out.append("\n</details>\n");
        });
    out.append("\n### Diagram\n\n```mermaid\n").append(diagrams.mermaid(plan)).append("```\n");
    return out.toString();
  }

  /** Table cells: a pipe would end the cell, a newline the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  public String json(Plan plan) {
    ObjectNode root = json.createObjectNode();
    root.put("format_version", "1");
    root.put("topology", plan.topologyName());
    root.put("source", plan.source());
    ArrayNode resources = root.putArray("resources");
    for (PlannedResource r : sorted(plan)) {
      ObjectNode node = resources.addObject();
      node.put("address", r.address());
      node.put("type", r.type());
      node.put("mode", r.address().startsWith("data.") ? "data" : "managed");
      node.put("region", r.region());
      if (r.account() != null) {
        node.put("account", r.account());
      } else {
        node.putNull("account");
      }
      node.put("purpose", r.purpose());
    }
    ArrayNode recoveries = root.putArray("recovery");
    for (Guide.RecoveryLaunch r : plan.guide().recoveries()) {
      ObjectNode node = recoveries.addObject();
      node.put("replication", r.replication());
      node.put("target", r.targetVpc());
      node.put("region", r.region());
      node.put("subnet_id", r.subnet());
      ArrayNode groups = node.putArray("security_group_ids");
      r.securityGroups().forEach(groups::add);
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("create", plan.resources().stream().filter(r -> !r.address().startsWith("data.")).count());
    summary.put("read", plan.resources().stream().filter(r -> r.address().startsWith("data.")).count());
    try {
      return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where each replication's recovery instances launch (recovery_subnet_id): DRS uses the default subnet when a
   * server's launch template names none (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html).
   */
  private static List<String> recoveryLines(Plan plan) {
    List<String> lines = new ArrayList<>();
    for (Guide.RecoveryLaunch r : plan.guide().recoveries()) {
      String where = r.replication() + " -> " + r.targetVpc() + " (" + r.region() + "): ";
      lines.add(
          r.subnet() == null
              ? where + "no recovery_subnet_id; DRS launches into the default subnet"
              : where + "subnet " + r.subnet() + (r.securityGroups().isEmpty() ? "" : ", security groups " + String.join(", ", r.securityGroups())));
    }
    return lines;
  }

  /** Region, then account when there are several, e.g. "ap-northeast-3 (account dr)". */
  static Map<String, List<PlannedResource>> byGroup(Plan plan) {
    Map<String, List<PlannedResource>> groups = new LinkedHashMap<>();
    for (PlannedResource r : sorted(plan)) {
      String group = r.region() + (r.account() == null ? "" : " (account " + r.account() + ")");
      groups.computeIfAbsent(group, k -> new ArrayList<>()).add(r);
    }
    return groups;
  }

  private static List<PlannedResource> sorted(Plan plan) {
    Map<String, PlannedResource> byKey = new TreeMap<>();
    for (PlannedResource r : plan.resources()) {
      byKey.put(r.region() + "\u0000" + (r.account() == null ? "" : r.account()) + "\u0000" + (r.address().startsWith("data.") ? "0" : "1") + r.address(), r);
    }
    return List.copyOf(byKey.values());
  }
}
