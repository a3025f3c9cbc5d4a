package drslink.schema;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The lines each node of a YAML file spans, by JSON pointer, so that a schema complaint (which names a
 * node, not a line) can be compared with the validator's file:line:col.
 */
final class YamlNodeLines {
  /** First and last line of a node; a mapping value starts at its key. */
  record Span(int first, int last) {
    boolean contains(int line) {
      return line >= first && line <= last;
    }
  }

  private final Map<String, Span> spans = new HashMap<>();

  private YamlNodeLines() {}

  /** Spans of every node, or empty when the file is not readable YAML. */
  static Optional<YamlNodeLines> of(byte[] yaml) {
    YamlNodeLines lines = new YamlNodeLines();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      if (parser.nextToken() == null) {
        return Optional.empty();
      }
      lines.node(parser, "", line(parser));
    } catch (IOException e) {
      return Optional.empty();
    }
    // The document is the whole file, comments and blank lines included (an empty one is a null node).
    lines.spans.put("", new Span(1, Integer.MAX_VALUE));
    return Optional.of(lines);
  }

  Optional<Span> span(String pointer) {
    return Optional.ofNullable(spans.get(pointer));
  }

  private void node(JsonParser parser, String pointer, int first) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String child = pointer + "/" + SchemaCheck.escape(parser.currentName());
        int keyLine = line(parser);
        parser.nextToken();
        node(parser, child, keyLine);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        node(parser, pointer + "/" + index++, line(parser));
      }
    }
    spans.put(pointer, new Span(first, Math.max(first, line(parser))));
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
