package harness.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code resource_changes} in {@code tofu show -json <plan>}: enough to assert on what
 * a plan will create, without the rest of the plan format.
 */
public record ResourceChange(
    String address,
    String moduleAddress,
    String mode,
    String type,
    String name,
    JsonNode index,
    String providerName,
    List<String> actions,
    JsonNode after,
    JsonNode afterUnknown,
    String previousAddress) {

  public ResourceChange {
    actions = List.copyOf(actions);
  }

  static ResourceChange fromJson(JsonNode n) {
    JsonNode change = n.path("change");
    List<String> actions = new ArrayList<>();
    change.path("actions").forEach(a -> actions.add(a.asText()));
    return new ResourceChange(
        n.path("address").asText(),
        n.path("module_address").asText(""),
        n.path("mode").asText(),
        n.path("type").asText(),
        n.path("name").asText(),
        n.path("index"),
        n.path("provider_name").asText(),
        actions,
        change.path("after"),
        change.path("after_unknown"),
        n.hasNonNull("previous_address") ? n.path("previous_address").asText() : null);
  }

  public boolean isManaged() {
    return mode.equals("managed");
  }

  public boolean isNoOp() {
    return actions.equals(List.of("no-op")) || actions.equals(List.of("read"));
  }

  /**
   * The planned value at a path like {@code "alias", 0, "name"}; missing when unknown or absent.
   */
  public JsonNode after(Object... path) {
    return walk(after, path);
  }

  /** True when the value at this path is only known after apply. */
  public boolean isUnknown(Object... path) {
    return walk(afterUnknown, path).asBoolean(false);
  }

  /** The planned string at a path, or null when absent, null, or unknown until apply. */
  public String afterText(Object... path) {
    JsonNode v = after(path);
    return v.isValueNode() && !v.isNull() ? v.asText() : null;
  }

  /** The planned list of strings at a path (empty when absent). */
  public List<String> afterTexts(Object... path) {
    List<String> out = new ArrayList<>();
    after(path).forEach(v -> out.add(v.asText()));
    return out;
  }

  private static JsonNode walk(JsonNode node, Object... path) {
    JsonNode cur = node;
    for (Object p : path) {
      if (cur == null || cur.isMissingNode() || cur.isNull()) {
        return MissingNode.getInstance();
      }
      cur = p instanceof Integer i ? cur.path(i) : cur.path(p.toString());
    }
    return cur == null ? MissingNode.getInstance() : cur;
  }

  @Override
  public String toString() {
    return address + " " + actions;
  }
}
