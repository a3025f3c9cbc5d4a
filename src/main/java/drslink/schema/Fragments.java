package drslink.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The small schema pieces the topology schema is made of. Each starts with its description, so that an
 * editor hovering over a key shows what topology.md says about it.
 */
final class Fragments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Fragments() {}

  static ObjectNode object() {
    return JSON.objectNode();
  }

  static ArrayNode array(Collection<String> values) {
    ArrayNode array = JSON.arrayNode();
    values.forEach(array::add);
    return array;
  }

  static ArrayNode list(ObjectNode... schemas) {
    ArrayNode array = JSON.arrayNode();
    for (ObjectNode schema : schemas) {
      array.add(schema);
    }
    return array;
  }

  static ObjectNode described(String description) {
    return object().put("description", description);
  }

  static ObjectNode string(String description) {
    return described(description).put("type", "string");
  }

  /** A string the validator checks with {@code pattern}; the schema uses the very same regex. */
  static ObjectNode matching(String description, Pattern pattern) {
    return string(description).put("pattern", EcmaPattern.anchored(pattern));
  }

  static ObjectNode oneOf(String description, Collection<String> values) {
    ObjectNode node = string(description);
    node.set("enum", array(values));
    return node;
  }

  static ObjectNode bool(String description) {
    return described(description).put("type", "boolean");
  }

  static ObjectNode integer(String description, int minimum) {
    return described(description).put("type", "integer").put("minimum", minimum);
  }

  static ObjectNode integer(String description, int minimum, int maximum) {
    return integer(description, minimum).put("maximum", maximum);
  }

  static ObjectNode listOf(String description, ObjectNode items) {
    ObjectNode node = described(description).put("type", "array");
    node.set("items", items);
    return node;
  }

  /** A list that the reader refuses when empty. */
  static ObjectNode nonEmptyListOf(String description, ObjectNode items) {
    return listOf(description, items).put("minItems", 1);
  }

  /** A list whose repeated entries the validator reports. */
  static ObjectNode distinctListOf(String description, ObjectNode items) {
    return listOf(description, items).put("uniqueItems", true);
  }

  static ObjectNode ref(String description, String definition) {
    return described(description).put("$ref", "#/$defs/" + definition);
  }

  static ObjectNode requires(String... keys) {
    ObjectNode node = object();
    node.set("required", array(List.of(keys)));
    return node;
  }

  /**
   * The key must be absent. Written as a {@code false} property schema rather than {@code not required}
   * so that editors, like the validator, mark the key itself and not its whole mapping.
   */
  static ObjectNode forbids(String key) {
    ObjectNode node = object();
    node.putObject("properties").put(key, false);
    return node;
  }

  /** {@code {"properties": {key: {"const": value}}, "required": [key]}}: the key is present and equals value. */
  static ObjectNode keyEquals(String key, String value) {
    ObjectNode node = object();
    node.putObject("properties").putObject(key).put("const", value);
    node.set("required", array(List.of(key)));
    return node;
  }
}
