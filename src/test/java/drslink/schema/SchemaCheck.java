package drslink.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks topology YAML against the topology schema the way an editor does: the YAML becomes a JSON tree
 * (Jackson), and a draft 2020-12 validator runs the schema over it.
 */
final class SchemaCheck {
  /** One complaint of the schema: where (a JSON pointer into the file) and what. */
  record Complaint(String pointer, String keyword, String message) {}

  private final YAMLMapper yaml = new YAMLMapper();
  private final Schema schema =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(new TopologySchema().build());

  /**
   * The schema's complaints about a file, given as bytes because it may not even be UTF-8; a file that
   * cannot be read as YAML at all is one complaint at the root.
   */
  List<Complaint> complaints(byte[] file) {
    JsonNode document;
    try {
      document = yaml.readTree(file);
    } catch (IOException e) {
      return List.of(new Complaint("", "yaml", e.getMessage()));
    }
    return schema.validate(document).stream().map(SchemaCheck::complaint).collect(Collectors.toList());
  }

  private static Complaint complaint(Error error) {
    String pointer = pointer(error.getInstanceLocation());
    // An unknown key is reported on its mapping; point at the key itself, as the reader does.
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      pointer = pointer + "/" + escape(error.getProperty());
    }
    return new Complaint(pointer, error.getKeyword(), error.getMessage());
  }

  private static String pointer(NodePath path) {
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(escape(String.valueOf(path.getElement(i))));
    }
    return pointer.toString();
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
