package drslink.parse;

import drslink.diag.SourceLocation;
import java.util.List;

/**
 * A YAML node that remembers where it was written. Jackson's {@code JsonNode} drops locations, and every
 * diagnostic needs one, so the parser builds this small tree instead.
 */
public sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

  SourceLocation at();

  /** Nodes in this subtree once aliases are expanded; what the alias budget counts. */
  long weight();

  /** The YAML word for this kind of node, used in "expected a list, found a mapping" messages. */
  String kindName();

  record Entry(String key, SourceLocation keyAt, YNode value) {}

  record YMap(List<Entry> entries, SourceLocation at, long weight) implements YNode {
    public YMap {
      entries = List.copyOf(entries);
    }

    @Override
    public String kindName() {
      return "a mapping";
    }
  }

  record YSeq(List<YNode> items, SourceLocation at, long weight) implements YNode {
    public YSeq {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /** A scalar as written; {@code kind} is what YAML's core schema makes of the plain text. */
  record YScalar(String text, ScalarKind kind, SourceLocation at) implements YNode {
    @Override
    public long weight() {
      return 1;
    }

    @Override
    public String kindName() {
      return switch (kind) {
        case STRING -> "a string";
        case INTEGER -> "a number";
        case FLOAT -> "a decimal number";
        case BOOLEAN -> "a boolean";
        case NULL -> "nothing (null)";
      };
    }
  }

  enum ScalarKind {
    STRING,
    INTEGER,
    FLOAT,
    BOOLEAN,
    NULL
  }
}
