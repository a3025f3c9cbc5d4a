package drslink.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One mapping of the topology as a closed JSON Schema object. It is built from the key set the reader
 * accepts, and {@link #build()} refuses to finish unless every one of those keys, and no other, has a
 * property schema: a key added to the reader without a schema entry fails the build, not a user's editor.
 */
final class ObjectShape {
  private final String description;
  private final Set<String> keys;
  private final Map<String, ObjectNode> properties = new TreeMap<>();
  private final Set<String> required = new TreeSet<>();

  private ObjectShape(String description, Set<String> keys) {
    this.description = description;
    this.keys = keys;
  }

  static ObjectShape of(String description, Set<String> readerKeys) {
    return new ObjectShape(description, readerKeys);
  }

  ObjectShape required(String key, ObjectNode schema) {
    required.add(key);
    return optional(key, schema);
  }

  ObjectShape optional(String key, ObjectNode schema) {
    if (properties.put(key, schema) != null) {
      throw new IllegalStateException("property '" + key + "' is described twice");
    }
    return this;
  }

  ObjectNode build() {
    Set<String> undescribed = new TreeSet<>(keys);
    undescribed.removeAll(properties.keySet());
    Set<String> unknown = new TreeSet<>(properties.keySet());
    unknown.removeAll(keys);
    if (!undescribed.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalStateException(
          "schema of '" + description + "' disagrees with the reader: keys without schema " + undescribed + ", schema for unread keys " + unknown);
    }
    ObjectNode node = Fragments.described(description).put("type", "object");
    if (!required.isEmpty()) {
      node.set("required", Fragments.array(required));
    }
    ObjectNode props = node.putObject("properties");
    properties.forEach(props::set);
    node.put("additionalProperties", false);
    return node;
  }
}
