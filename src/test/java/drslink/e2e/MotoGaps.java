package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resources moto cannot serve, found by type in a JSON plan. The e2e suite applies everything else
 * and passes these to {@code -exclude}; they are proven by {@code validate} and {@code plan} only
 * (their arguments are checked by the provider's schema and by {@link PlanAssertions}).
 *
 * <p>Today there are none: moto has no DRS API, but the suite serves the calls of {@code
 * aws_drs_replication_configuration_template} from a stand-in on moto's port (drs_standin.py), and
 * the AWS-rules layer (aws_rules.py) implements VPC association authorizations and cross-account
 * zone associations, so every resource drslink emits is applied. The mechanism stays for the next
 * type moto lacks, so that a gap is printed, never silently skipped.
 *
 * <p>tofu's {@code -exclude} also leaves out everything that depends on an excluded resource;
 * {@link #droppedByTofu} lists those after apply so the test can say exactly what was not applied.
 */
public final class MotoGaps {

  /** Resource type to why moto cannot serve it; empty while the emulator serves every type drslink emits. */
  public static final Map<String, String> UNSUPPORTED_TYPES = Map.of();

  private MotoGaps() {}

  /** Address to reason, in plan order. */
  public static Map<String, String> excludes(Plan plan) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ResourceChange rc : plan.resourceChanges()) {
      if (!rc.isManaged() || rc.isNoOp()) {
        continue;
      }
      String reason = UNSUPPORTED_TYPES.get(rc.type());
      if (reason != null) {
        out.put(rc.address(), reason);
      }
    }
    return out;
  }

  /**
   * Planned creations that apply did not make although they were not excluded themselves: tofu
   * dropped them because they depend on an excluded resource.
   */
  public static List<String> droppedByTofu(
      Plan plan, Map<String, String> excludes, JsonNode state) {
    Set<String> inState = new HashSet<>();
    collectAddresses(state.path("values").path("root_module"), inState);
    List<String> out = new ArrayList<>();
    for (ResourceChange rc : plan.resourceChanges()) {
      if (rc.isManaged()
          && rc.actions().contains("create")
          && !excludes.containsKey(rc.address())
          && !inState.contains(rc.address())) {
        out.add(rc.address());
      }
    }
    return out;
  }

  private static void collectAddresses(JsonNode module, Set<String> out) {
    module.path("resources").forEach(r -> out.add(r.path("address").asText()));
    module.path("child_modules").forEach(m -> collectAddresses(m, out));
  }

  /** The README-worthy line printed for each run that excludes something. */
  public static String explain(String caseName, Map<String, String> excludes) {
    StringBuilder b = new StringBuilder();
    b.append("[e2e] ")
        .append(caseName)
        .append(": apply skips ")
        .append(excludes.size())
        .append(" resource(s) moto cannot serve; they are proven by validate and plan only:\n");
    excludes.forEach(
        (a, why) -> b.append("[e2e]   ").append(a).append("  (").append(why).append(")\n"));
    return b.toString();
  }
}
