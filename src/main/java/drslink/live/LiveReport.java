package drslink.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** What preflight and verify print, in plan's three formats: text grouped by region, markdown, json. */
public final class LiveReport {
  private final ObjectMapper json;

  public LiveReport(ObjectMapper json) {
    this.json = json;
  }

  /** {@code command} is "preflight" or "verify". */
  public String text(String command, String topology, String source, Findings findings) {
    StringBuilder out = new StringBuilder();
    out.append("drslink ").append(command).append(" for topology ").append(topology).append(" (").append(source).append("):\n");
    byRegion(findings).forEach(
        (region, items) -> {
          out.append('\n').append(region).append(": ").append(findings.passed().getOrDefault(region, 0)).append(" checks hold");
          out.append(items.isEmpty() ? "\n" : ", " + count(items) + "\n");
          items.forEach(f -> out.append("  ").append(f.format()).append('\n'));
        });
    out.append('\n').append(summary(command, findings)).append('\n');
    return out.toString();
  }

  public String markdown(String command, String topology, String source, Findings findings) {
    StringBuilder out = new StringBuilder();
    out.append("## drslink ").append(command).append(": ").append(topology).append("\n\n");
    out.append("Checked `").append(source).append("` against the live account.\n\n");
    out.append("| Region | Checks hold | Errors | Warnings |\n|---|---:|---:|---:|\n");
    byRegion(findings).forEach(
        (region, items) ->
            out.append("| ").append(region).append(" | ").append(findings.passed().getOrDefault(region, 0)).append(" | ").append(items.stream().filter(Finding::isError).count()).append(" | ")
                .append(items.stream().filter(f -> !f.isError()).count()).append(" |\n"));
    out.append("\n**").append(summary(command, findings)).append("**\n");
    if (!findings.sorted().isEmpty()) {
      out.append("\n### Findings\n\n| Severity | Code | Region | Resource | Where | What | Fix |\n|---|---|---|---|---|---|---|\n");
      for (Finding f : findings.sorted()) {
        out.append("| ").append(f.severity().label()).append(" | ").append(f.code()).append(" | ").append(f.region()).append(" | `").append(cell(f.resource())).append("` | `").append(cell(f.location().toString())).append("` | ")
            .append(cell(f.message())).append(" | ").append(cell(f.hint() == null ? "" : f.hint())).append(" |\n");
      }
    }
    return out.toString();
  }

  public String json(String command, String topology, String source, Findings findings) {
    ObjectNode root = json.createObjectNode();
    root.put("format_version", "1");
    root.put("command", command);
    root.put("topology", topology);
    root.put("source", source);
    root.put("status", findings.status());
    ArrayNode unreadable = root.putArray("unreadable");
    findings.unreadable().forEach(unreadable::add);
    ArrayNode items = root.putArray("findings");
    for (Finding f : findings.sorted()) {
      ObjectNode n = items.addObject();
      n.put("severity", f.severity().label());
      n.put("code", f.code());
      n.put("region", f.region());
      n.put("resource", f.resource());
      n.put("message", f.message());
      n.put("hint", f.hint());
      ObjectNode at = n.putObject("location");
      at.put("file", f.location().file());
      at.put("line", f.location().line());
      at.put("column", f.location().column());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", findings.sorted().stream().filter(Finding::isError).count());
    summary.put("warnings", findings.sorted().stream().filter(f -> !f.isError()).count());
    summary.put("checks_held", findings.passedTotal());
    ObjectNode regions = summary.putObject("checks_held_by_region");
    new TreeMap<>(findings.passed()).forEach(regions::put);
    try {
      return json.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, List<Finding>> byRegion(Findings findings) {
    TreeSet<String> regions = new TreeSet<>(findings.passed().keySet());
    findings.sorted().forEach(f -> regions.add(f.region()));
    Map<String, List<Finding>> out = new LinkedHashMap<>();
    regions.forEach(r -> out.put(r, findings.sorted().stream().filter(f -> f.region().equals(r)).toList()));
    return out;
  }

  private static String count(List<Finding> items) {
    long errors = items.stream().filter(Finding::isError).count();
    long warnings = items.size() - errors;
    return errors + (errors == 1 ? " error" : " errors") + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
  }

  static String summary(String command, Findings findings) {
    List<Finding> all = findings.sorted();
    if (!findings.unreadable().isEmpty()) {
      return command + ": INCOMPLETE, " + findings.unreadable().size() + " read(s) failed: " + String.join("; ", findings.unreadable()) + ". " + count(all) + "; " + findings.passedTotal() + " checks hold.";
    }
    String held = findings.passedTotal() + " checks hold";
    if (all.isEmpty()) {
      return command + ": everything holds (" + held + ").";
    }
    return command + ": " + count(all) + "; " + held + "." + (findings.hasErrors() ? " Fix the errors before " + (command.equals("preflight") ? "apply." : "relying on replication.") : "");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
