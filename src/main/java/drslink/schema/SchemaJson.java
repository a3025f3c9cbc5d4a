package drslink.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes a schema as stable text: 2-space indent, LF line ends whatever the platform, {@code "key": value}
 * spacing, one array item per line and a final newline, so the committed copy only changes when the
 * schema does. Key order is the order the nodes were built in, which {@link TopologySchema} fixes.
 */
public final class SchemaJson {
  private final ObjectWriter writer;

  public SchemaJson(ObjectMapper mapper) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter);
    this.writer = mapper.writer(printer);
  }

  public String write(JsonNode schema) {
    try {
      return writer.writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schema tree always serializes", e);
    }
  }
}
