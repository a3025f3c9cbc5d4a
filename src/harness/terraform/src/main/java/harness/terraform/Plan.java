package harness.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A saved plan as {@code tofu show -json} describes it, plus the {@code -detailed-exitcode} the
 * plan command returned (0: no changes, 2: changes).
 */
public record Plan(int exitCode, List<ResourceChange> resourceChanges, JsonNode json) {

  public Plan {
    resourceChanges = List.copyOf(resourceChanges);
  }

  static Plan fromJson(int exitCode, JsonNode json) {
    List<ResourceChange> changes = new ArrayList<>();
    json.path("resource_changes").forEach(n -> changes.add(ResourceChange.fromJson(n)));
    return new Plan(exitCode, changes, json);
  }

  public boolean hasChanges() {
    return exitCode == 2;
  }

  /** Managed resources of a type, in plan order. */
  public List<ResourceChange> ofType(String type) {
    return resourceChanges.stream()
        .filter(rc -> rc.isManaged() && rc.type().equals(type))
        .collect(Collectors.toList());
  }

  public List<ResourceChange> where(Predicate<ResourceChange> p) {
    return resourceChanges.stream().filter(p).collect(Collectors.toList());
  }

  /** The changes that are not no-ops, for "second plan is clean" messages. */
  public List<ResourceChange> pendingChanges() {
    return resourceChanges.stream().filter(rc -> !rc.isNoOp()).collect(Collectors.toList());
  }

  /** {@code configuration.provider_config}: every provider configuration tofu will build. */
  public JsonNode providerConfigs() {
    return json.path("configuration").path("provider_config");
  }
}
