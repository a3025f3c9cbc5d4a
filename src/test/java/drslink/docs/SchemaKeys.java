package drslink.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonPointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every key a JSON Schema allows, by path from the top of the document: `regions[].vpcs[].name`, with
 * `[]` for the entries of a list and `*` for a key the user chooses (additionalProperties), following
 * $ref into $defs. Conditional parts (if/then/else) only restrict keys listed under properties, so they
 * are not walked.
 */
final class SchemaKeys {
  /** A key: its type in the reference's words, whether its object requires it (empty for `*`), its default. */
  record Key(String path, String type, Optional<Boolean> required, Optional<JsonNode> defaultValue) {}

  private final JsonNode root;
  private final Map<String, Key> keys = new TreeMap<>();

  private SchemaKeys(JsonNode root) {
    this.root = root;
  }

  static Map<String, Key> of(JsonNode schema) {
    SchemaKeys walk = new SchemaKeys(schema);
    walk.object(schema, "");
    return walk.keys;
  }

  private void object(JsonNode node, String prefix) {
    JsonNode object = resolve(node);
    Set<String> required = new HashSet<>();
    object.path("required").forEach(name -> required.add(name.asText()));
    object.path("properties")
        .fields()
        .forEachRemaining(
            property -> {
              String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
              add(path, property.getValue(), Optional.of(required.contains(property.getKey())));
            });
    JsonNode additional = object.path("additionalProperties");
    if (additional.isObject()) {
      add(prefix + ".*", additional, Optional.empty());
    }
  }

  private void add(String path, JsonNode schema, Optional<Boolean> required) {
    if (keys.containsKey(path)) {
      throw new IllegalStateException("two schema keys have the path " + path);
    }
    JsonNode resolved = resolve(schema);
    Optional<JsonNode> defaultValue = Optional.ofNullable(schema.get("default")).or(() -> Optional.ofNullable(resolved.get("default")));
    keys.put(path, new Key(path, type(schema), required, defaultValue));
    children(resolved, path);
  }

  private void children(JsonNode schema, String path) {
    if ("array".equals(schema.path("type").asText())) {
      children(resolve(schema.path("items")), path + "[]");
    } else if (schema.has("properties") || schema.path("additionalProperties").isObject()) {
      object(schema, path);
    }
  }

  /** The type as the reference writes it: string, integer, boolean, mapping, list of strings, list of mappings, or alternatives. */
  private String type(JsonNode node) {
    JsonNode schema = resolve(node);
    if (schema.has("anyOf")) {
      List<String> types = new ArrayList<>();
      schema.get("anyOf").forEach(branch -> types.add(type(branch)));
      return alternatives(types);
    }
    if (schema.has("const")) {
      JsonNode value = schema.get("const");
      return value.isIntegralNumber() ? "integer" : value.isBoolean() ? "boolean" : "string";
    }
    JsonNode type = schema.path("type");
    if (type.isArray()) {
      List<String> types = new ArrayList<>();
      type.forEach(t -> types.add(t.asText()));
      return alternatives(types);
    }
    return switch (type.asText()) {
      case "array" -> "list of " + type(schema.path("items")) + "s";
      case "object" -> "mapping";
      default -> type.asText();
    };
  }

  private static String alternatives(List<String> types) {
    if (types.size() == 1) {
      return types.get(0);
    }
    return String.join(", ", types.subList(0, types.size() - 1)) + " or " + types.get(types.size() - 1);
  }

  private JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref"); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#") || hops > 32) {
        throw new IllegalStateException("cannot follow $ref " + ref);
      }
      current = root.at(JsonPointer.compile(ref.substring(1)));
      if (current.isMissingNode()) {
        throw new IllegalStateException("$ref " + ref + " points at nothing");
      }
    }
    return current;
  }
}
