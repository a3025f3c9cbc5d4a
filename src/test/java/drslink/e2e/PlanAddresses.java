package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harness.terraform.CommandResult;
import harness.terraform.Plan;
import harness.terraform.ResourceChange;
import harness.terraform.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The managed resources a tool's plan creates, against those {@code drslink plan --format json}
 * lists for the same topology. {@link ExamplesE2EIT} holds OpenTofu's plan to that list and {@link
 * TerraformCompatibilityIT} holds Terraform's to it: so both tools plan the same addresses, and the
 * report a user reads before generating is the plan they will see.
 */
final class PlanAddresses {
  private PlanAddresses() {}

  /** Managed addresses of {@code drslink plan --format json <topology>}. */
  static Set<String> reported(DrslinkCli cli, Path topology, ObjectMapper json) {
    CommandResult r = cli.run(List.of("plan", "-q", "--format", "json", topology.toString()));
    if (!r.succeeded()) {
      throw new ToolException("drslink plan --format json " + topology, r);
    }
    JsonNode report;
    try {
      report = json.readTree(r.stdout());
    } catch (IOException e) {
      throw new UncheckedIOException("drslink plan --format json printed no JSON", e);
    }
    Set<String> out = new TreeSet<>();
    report.path("resources").forEach(
        n -> {
          if ("managed".equals(n.path("mode").asText())) {
            out.add(n.path("address").asText());
          }
        });
    if (out.isEmpty()) {
      throw new IllegalStateException("drslink plan --format json lists no managed resource");
    }
    return out;
  }

  /** Every address only one side has; empty when the plan's managed resources are the report's. */
  static List<String> compare(Plan plan, Set<String> reported) {
    Set<String> planned = new TreeSet<>();
    plan.resourceChanges().stream()
        .filter(ResourceChange::isManaged)
        .forEach(rc -> planned.add(rc.address()));
    List<String> findings = new ArrayList<>();
    for (String a : planned) {
      if (!reported.contains(a)) {
        findings.add("planned but not in drslink's report: " + a);
      }
    }
    for (String a : reported) {
      if (!planned.contains(a)) {
        findings.add("in drslink's report but not planned: " + a);
      }
    }
    return findings;
  }
}
