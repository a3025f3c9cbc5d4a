package drslink.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import drslink.cost.CostEstimate;
import drslink.cost.CostEstimator;
import drslink.cost.CostFormat;
import drslink.cost.CostLine;
import drslink.cost.PriceTable;
import drslink.diag.Acknowledged;
import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.plan.Guide;
import drslink.iam.AccountPolicies;
import drslink.iam.IamPolicies;
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

  public String text(Plan plan, Guide guide, Diagnostics diagnostics) {
    StringBuilder out = new StringBuilder();
    out.append("drslink will generate these resources for topology ").append(plan.topologyName()).append(" (").append(plan.source()).append("):\n");
    Map<String, List<PlannedResource>> groups = byGroup(plan);
    groups.forEach(
        (group, resources) -> {
          out.append('\n').append(group).append('\n');
          for (PlannedResource r : resources) {
            out.append("  ").append(ResourceCount.isRead(r) ? "<=" : "+").append(' ').append(r.address()).append('\n');
            out.append("      ").append(r.purpose()).append('\n');
          }
        });
    out.append("\nRecovery instances (set per source server after its agent registers: generated README, step 6)\n");
    recoveryLines(guide).forEach(line -> out.append("  ").append(line).append('\n'));
    out.append("\nPlan: ").append(ResourceCount.of(plan).sentence()).append(".\n");
    List<Acknowledged> acknowledged = diagnostics.acknowledged();
    if (!acknowledged.isEmpty()) {
      out.append("\nAcknowledged warnings (acknowledge: in the topology):\n");
      acknowledged.forEach(a -> out.append("  ").append(a.format()).append('\n'));
    }
    CostEstimate cost = cost(plan, guide);
    out.append("\nMonthly cost estimate, USD (").append(costBasis(cost)).append("):\n");
    cost.byGroup().forEach(
        (group, lines) -> {
          out.append('\n').append(group).append('\n');
          for (CostLine l : lines) {
            out.append("  ").append(l.usage() ? "per use" : String.format("%9s", CostFormat.usd(l.monthly()))).append("  ").append(l.what()).append(": ").append(CostFormat.basis(l)).append('\n');
          }
          out.append("  ").append(String.format("%9s", CostFormat.usd(CostEstimate.fixedTotal(lines)))).append("  a month before usage\n");
        });
    out.append("\nEstimate: ").append(CostFormat.usd(cost.fixedTotal())).append(" a month for what this root creates, plus the per-use rates above times your volumes.\n");
    return out.toString();
  }

  /** For a pull-request comment: a summary table, the warnings, the resources and a Mermaid diagram. */
  public String markdown(Plan plan, Guide guide, Diagnostics diagnostics, DiagramRenderer diagrams) {
    StringBuilder out = new StringBuilder();
    out.append("## drslink plan: ").append(plan.topologyName()).append("\n\n");
    out.append("Generated from `").append(plan.source()).append("`.\n\n");
    Map<String, List<PlannedResource>> groups = byGroup(plan);
    out.append("| Region | Account | To create | To read |\n|---|---|---:|---:|\n");
    groups.forEach(
        (group, resources) -> {
          PlannedResource first = resources.get(0);
          ResourceCount count = ResourceCount.of(resources);
          out.append("| ").append(first.region()).append(" | ").append(first.account() == null ? "(pipeline's)" : first.account()).append(" | ")
              .append(count.create()).append(" | ").append(count.read()).append(" |\n");
        });
    out.append("\n**").append(ResourceCount.of(plan).sentence()).append(".**\n");
    List<Diagnostic> warnings = warnings(diagnostics);
    List<Acknowledged> acknowledged = diagnostics.acknowledged();
    if (!warnings.isEmpty() || !acknowledged.isEmpty()) {
      out.append("\n### Warnings\n\n");
      warnings.forEach(w -> out.append("- ").append(cell(w.format())).append('\n'));
      acknowledged.forEach(a -> out.append("- acknowledged: ").append(cell(a.warning().format())).append(" **Reason:** ").append(cell(a.reason())).append('\n'));
    }
    CostEstimate cost = cost(plan, guide);
    out.append("\n### Cost estimate\n\n");
    out.append("| Region | Account | Item | Basis | Monthly (USD) |\n|---|---|---|---|---:|\n");
    for (CostLine l : cost.lines()) {
      out.append("| ").append(l.region()).append(" | ").append(l.account() == null ? "(pipeline's)" : l.account()).append(" | ").append(cell(l.what())).append(" | [")
          .append(cell(CostFormat.basis(l))).append("](").append(l.source()).append(") | ").append(l.usage() ? "per use" : CostFormat.usd(l.monthly())).append(" |\n");
    }
    out.append("\n**").append(CostFormat.usd(cost.fixedTotal())).append(" a month** for what this root creates, plus the per-use rates times your volumes (")
        .append(costBasis(cost)).append(").\n");
    out.append("\n### Recovery instances\n\n");
    recoveryLines(guide).forEach(line -> out.append("- ").append(cell(line)).append('\n'));
    out.append("\n### Resources\n");
    groups.forEach(
        (group, resources) -> {
          ResourceCount count = ResourceCount.of(resources);
          out.append("\n<details><summary>").append(group).append(" (").append(count.create()).append(" to create, ").append(count.read()).append(" to read)</summary>\n\n");
          out.append("| Address | Purpose |\n|---|---|\n");
          for (PlannedResource r : resources) {
            out.append("| `").append(cell(r.address())).append("` | ").append(cell(r.purpose())).append(" |\n");
          }
          out.append("\n</details>\n");
        });
    out.append("\n### Diagram\n\n```mermaid\n").append(diagrams.mermaid(plan, guide)).append("```\n");
    return out.toString();
  }

  /** Table cells: a pipe would end the cell, a newline the row. */
  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  private static List<Diagnostic> warnings(Diagnostics diagnostics) {
    return diagnostics.sorted().stream().filter(d -> !d.isError()).toList();
  }

  public String json(Plan plan, Guide guide, Diagnostics diagnostics) {
    return json(plan, guide, diagnostics, null);
  }

  /**
   * With {@code units} (drslink.units.UnitsGraph#units, for {@code --layout units}): also {@code "layout": "units"}
   * and the units in apply order, the same array as units.json. Without, the single root's report, unchanged.
   */
  public String json(Plan plan, Guide guide, Diagnostics diagnostics, ArrayNode units) {
    ObjectNode root = json.createObjectNode();
    root.put("format_version", "1");
    root.put("topology", plan.topologyName());
    root.put("source", plan.source());
    if (units != null) {
      root.put("layout", "units");
      root.set("units", units);
    }
    ArrayNode resources = root.putArray("resources");
    for (PlannedResource r : sorted(plan)) {
      ObjectNode node = resources.addObject();
      node.put("address", r.address());
      node.put("type", r.type());
      node.put("mode", ResourceCount.isRead(r) ? "data" : "managed");
      node.put("region", r.region());
      if (r.account() != null) {
        node.put("account", r.account());
      } else {
        node.putNull("account");
      }
      node.put("purpose", r.purpose());
    }
    ArrayNode recoveries = root.putArray("recovery");
    for (Guide.RecoveryLaunch r : guide.recoveries()) {
      ObjectNode node = recoveries.addObject();
      node.put("replication", r.replication());
      node.put("target", r.targetVpc());
      node.put("region", r.region());
      node.put("subnet_id", r.subnet());
      ArrayNode groups = node.putArray("security_group_ids");
      r.securityGroups().forEach(groups::add);
    }
    ResourceCount count = ResourceCount.of(plan);
    ObjectNode summary = root.putObject("summary");
    summary.put("create", count.create());
    summary.put("read", count.read());
    summary.put("regions", count.regions());
    summary.put("accounts", count.accounts());
    ArrayNode warnings = root.putArray("warnings");
    warnings(diagnostics).forEach(d -> warning(warnings.addObject(), d));
    diagnostics.acknowledged().forEach(a -> warning(warnings.addObject(), a.warning()).put("acknowledged", a.reason()));
    ArrayNode iam = root.putArray("iam");
    for (AccountPolicies a : IamPolicies.of(plan)) {
      ObjectNode node = iam.addObject();
      node.put("account", a.account());
      ObjectNode files = node.putObject("files");
      List.of("apply", "trust", "readonly").forEach(role -> files.put(role, a.file(role)));
      node.set("apply", a.apply());
      node.set("trust", a.trust());
      node.set("readonly", a.readOnly());
    }
    CostEstimate cost = cost(plan, guide);
    ObjectNode costNode = root.putObject("cost");
    costNode.put("currency", "USD");
    costNode.put("prices_checked", cost.pricesChecked());
    costNode.put("hours_per_month", CostEstimate.HOURS_PER_MONTH.intValue());
    costNode.put("fixed_monthly", cost.fixedTotal().setScale(2, java.math.RoundingMode.HALF_UP));
    ArrayNode costLines = costNode.putArray("lines");
    for (CostLine l : cost.lines()) {
      ObjectNode node = costLines.addObject();
      node.put("region", l.region());
      if (l.account() != null) {
        node.put("account", l.account());
      } else {
        node.putNull("account");
      }
      node.put("item", l.item());
      node.put("what", l.what());
      if (l.quantity() != null) {
        node.put("quantity", l.quantity());
      } else {
        node.putNull("quantity");
      }
      node.put("rate", l.rate());
      node.put("unit", l.unit());
      if (l.monthly() != null) {
        node.put("monthly", l.monthly().setScale(2, java.math.RoundingMode.HALF_UP));
      } else {
        node.putNull("monthly");
      }
      node.put("source", l.source());
    }
    try {
      return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode warning(ObjectNode node, Diagnostic d) {
    node.put("code", d.code());
    node.put("file", d.location().file());
    node.put("line", d.location().line());
    node.put("column", d.location().column());
    node.put("message", d.message());
    if (d.hint() != null) {
      node.put("hint", d.hint());
    }
    return node;
  }

  /** The offline estimate (drslink.cost) from the bundled, dated price table. */
  static CostEstimate cost(Plan plan, Guide guide) {
    return new CostEstimator(PriceTable.bundled()).estimate(plan, guide);
  }

  static String costBasis(CostEstimate cost) {
    return "on-demand prices checked " + cost.pricesChecked() + ", 730 hours a month, before taxes, free tiers and discounts; prices: src/main/resources/drslink/prices.tsv";
  }

  /**
   * Where each replication's recovery instances launch (recovery_subnet_id): DRS uses the default subnet when a
   * server's launch template names none (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html).
   */
  private static List<String> recoveryLines(Guide guide) {
    List<String> lines = new ArrayList<>();
    for (Guide.RecoveryLaunch r : guide.recoveries()) {
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
      byKey.put(r.region() + "\u0000" + (r.account() == null ? "" : r.account()) + "\u0000" + (ResourceCount.isRead(r) ? "0" : "1") + r.address(), r);
    }
    return List.copyOf(byKey.values());
  }
}
