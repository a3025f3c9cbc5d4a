package drslink.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.parse.YNode.Entry;
import drslink.parse.YNode.ScalarKind;
import drslink.parse.YNode.YMap;
import drslink.parse.YNode.YScalar;
import drslink.parse.YNode.YSeq;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML text into a {@link YNode} tree with locations, using Jackson's streaming parser. Duplicate keys
 * are reported (all of them, not just the first); aliases are resolved by sharing the anchored node, and a
 * budget on the expanded size stops "billion laughs" files before they cost anything.
 */
public final class YamlTreeReader {
  private final YAMLFactory factory;
  private final YamlLimits limits;

  public YamlTreeReader(YAMLFactory factory, YamlLimits limits) {
    this.factory = new LocatingYamlFactory(factory);
    this.limits = limits;
  }

  /** Returns the root node, or empty when the text is not usable YAML (the reasons are in {@code diagnostics}). */
  public Optional<YNode> read(String file, String text, Diagnostics diagnostics) {
    if (text.length() > limits.maxBytes()) {
      diagnostics.error(
          "DRS001",
          SourceLocation.startOf(file),
          "file is larger than " + limits.maxBytes() / 1024 + " KiB",
          "a topology is a few kilobytes; check that this is the right file");
      return Optional.empty();
    }
    // A Reader, so that the factory's Reader hook builds the parser that knows scalar anchors.
    try (LocatingYamlFactory.Parser parser = (LocatingYamlFactory.Parser) factory.createParser(new StringReader(text))) {
      Build build = new Build(file, parser, diagnostics);
      JsonToken first = parser.nextToken();
      boolean emptyFirst = first == JsonToken.VALUE_NULL && parser.getText().isEmpty();
      if (emptyFirst) {
        // "---" alone, or only comments after it. The topology may follow in a second document: that is one
        // problem, said at the '---' to delete, and the second document is still read for its own problems.
        first = parser.nextToken();
        if (first != null) {
          diagnostics.error(
              "DRS003",
              documentStartOf(file, parser),
              "more than one YAML document in the file: the first one (before this '---') is empty, and a second starts here",
              "keep one topology per file: remove this '---' line");
        }
      }
      if (first == null) {
        // No document, or one with nothing in it.
        diagnostics.error("DRS002", SourceLocation.startOf(file), "file is empty", "start from examples/tokyo-osaka/topology.yaml");
        return Optional.empty();
      }
      build.directives();
      YNode root = build.node(first, 1);
      if (parser.nextToken() != null) {
        diagnostics.error(
            "DRS003",
            documentStartOf(file, parser),
            "more than one YAML document in the file",
            "keep one topology per file and remove the '---' separator");
      }
      return build.failed ? Optional.empty() : Optional.of(root);
    } catch (BudgetExceeded e) {
      diagnostics.error("DRS004", e.at, e.getMessage(), e.hint);
      return Optional.empty();
    } catch (JsonProcessingException e) {
      syntaxError(file, text, e, diagnostics);
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The '---' of the document the parser is in (where a user deletes it), in this file. */
  private SourceLocation documentStartOf(String file, LocatingYamlFactory.Parser parser) {
    int[] start = parser.lastDocumentStart();
    return new SourceLocation(file, start[0], start[1]);
  }

  /**
   * SnakeYAML's message starts with the context ("while parsing a flow sequence", pointing where that
   * began) and then names the problem at the place it was found; the problem and its place are what
   * the user needs, so they are preferred over Jackson's summary.
   */
  private static void syntaxError(String file, String text, JsonProcessingException e, Diagnostics diagnostics) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof org.yaml.snakeyaml.reader.ReaderException bad) {
        // Jackson places this at 1:1; SnakeYAML knows the offending character's index in code points.
        diagnostics.error(
            "DRS005",
            locate(file, text, bad.getPosition()),
            String.format("not valid YAML: the control character U+%04X is not allowed in a YAML file", bad.getCodePoint()),
            "remove it; inside double quotes it can be written as an escape such as \\t or \\u0007");
        return;
      }
      if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblem() != null && marked.getProblemMark() != null) {
        SourceLocation at = new SourceLocation(file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        String message = "not valid YAML: " + firstLine(marked.getProblem());
        org.yaml.snakeyaml.error.Mark started = marked.getContextMark();
        if (marked.getContext() != null && started != null && started.getLine() != marked.getProblemMark().getLine()) {
          // "found unexpected end of stream" on the last line needs the opening quote or bracket to be useful.
          message += " (" + firstLine(marked.getContext()) + " that starts at line " + (started.getLine() + 1) + ", column " + (started.getColumn() + 1) + ")";
        }
        diagnostics.error("DRS005", at, message, "fix the YAML syntax at this position");
        return;
      }
    }
    JsonLocation where = e.getLocation();
    SourceLocation at =
        where == null ? SourceLocation.startOf(file) : new SourceLocation(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    String message = firstLine(e.getOriginalMessage());
    if (message.startsWith("Expected a field name")) {
      // Jackson's wording for "? [a, b] : c": it names SnakeYAML event classes, which help nobody.
      diagnostics.error("DRS005", at, "not valid here: a mapping key must be a plain value, not a list or a mapping", "write the key as a plain word");
      return;
    }
    diagnostics.error("DRS005", at, "not valid YAML: " + message, "fix the YAML syntax at this position");
  }

  /** The location of the code point at {@code index}. */
  private static SourceLocation locate(String file, String text, int index) {
    int line = 1;
    int column = 1;
    int[] codePoints = text.codePoints().limit(Math.max(0, index)).toArray();
    for (int c : codePoints) {
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    String line = message.strip().lines().findFirst().orElse(message.strip());
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }

  /** One parse: the anchors seen so far and the running alias budget. */
  private final class Build {
    private final String file;
    private final LocatingYamlFactory.Parser parser;
    private final Diagnostics diagnostics;
    private final Map<String, YNode> anchors = new HashMap<>();
    private long expanded;
    private boolean failed;

    Build(String file, LocatingYamlFactory.Parser parser, Diagnostics diagnostics) {
      this.file = file;
      this.parser = parser;
      this.diagnostics = diagnostics;
    }

    SourceLocation location(JsonLocation where) {
      return new SourceLocation(file, Math.max(1, where.getLineNr()), Math.max(1, where.getColumnNr()));
    }

    YNode node(JsonToken token, int depth) throws IOException {
      SourceLocation at = location(parser.currentTokenLocation());
      if (depth > limits.maxDepth()) {
        throw new BudgetExceeded(at, "nesting deeper than " + limits.maxDepth() + " levels", "a topology nests at most six levels deep");
      }
      if (parser.isCurrentAlias()) {
        return alias(parser.getText(), at);
      }
      String anchor = parser.anchor();
      explicitTag(parser.tag(), at);
      YNode node =
          switch (token) {
            case START_OBJECT -> map(at, depth);
            case START_ARRAY -> seq(at, depth);
            case VALUE_STRING -> new YScalar(checkedText(parser.getText(), at), ScalarKind.STRING, at);
            case VALUE_NUMBER_INT -> new YScalar(parser.getText(), ScalarKind.INTEGER, at);
            case VALUE_NUMBER_FLOAT -> new YScalar(parser.getText(), ScalarKind.FLOAT, at);
            case VALUE_TRUE, VALUE_FALSE -> new YScalar(parser.getText(), ScalarKind.BOOLEAN, at);
            case VALUE_NULL -> new YScalar("", ScalarKind.NULL, at);
            default -> new YScalar(parser.getText(), ScalarKind.STRING, at);
          };
      count(1, at); // children counted themselves
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    /**
     * SnakeYAML resolves {@code !!binary} or {@code !!python/object:...} and Jackson then keeps only the text,
     * so a tag would be dropped without a word; the topology has no use for one, so it is refused.
     */
    private void explicitTag(String tag, SourceLocation at) {
      if (tag == null) {
        return;
      }
      String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length()) : tag;
      diagnostics.error(
          "DRS133",
          at,
          "explicit YAML tag '" + shown + "' is not supported: drslink would read the text and ignore the tag",
          "remove the tag; put the value in quotes if it must stay a string");
    }

    /** %TAG directives define tag shorthands, which only explicit tags use; refused with them. */
    void directives() {
      for (String[] directive : parser.takeTagDirectives()) {
        diagnostics.error(
            "DRS133",
            new SourceLocation(file, Integer.parseInt(directive[2]), 1),
            "the %TAG directive '" + directive[0] + " " + directive[1] + "' is not supported: drslink reads no explicit YAML tags",
            "remove the %TAG line");
      }
    }

    /**
     * A backslash-u escape of a lone surrogate (D800-DFFF) yields half of a UTF-16 pair, which is no Unicode character: it cannot be written as
     * UTF-8, so it would pass validation and fail when the Terraform files are written.
     */
    private String checkedText(String text, SourceLocation at) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          diagnostics.error(
              "DRS134",
              at,
              String.format("unpaired UTF-16 surrogate \\u%04x: it is not a Unicode character and cannot be written as UTF-8", (int) c),
              "remove the escape, or write the whole character (e.g. \\U0001F600, or the character itself)");
          return text;
        }
      }
      return text;
    }

    private YNode alias(String name, SourceLocation at) {
      YNode target = anchors.get(name);
      if (target == null) {
        diagnostics.error("DRS006", at, "alias *" + name + " refers to no anchor defined above it", "define &" + name + " before using *" + name);
        failed = true;
        return new YScalar("", ScalarKind.NULL, at);
      }
      // The node is shared, not copied, so memory stays flat; the budget counts what a naive
      // reader would have built, which is what makes nested aliases dangerous.
      count(target.weight(), at);
      // A message about the value must point at the alias that used it, not at the anchor: the anchor may
      // sit in a place where the same value is fine. The copy costs at most what the budget just allowed.
      return relocated(target, at);
    }

    private YNode relocated(YNode node, SourceLocation at) {
      if (node instanceof YScalar scalar) {
        return new YScalar(scalar.text(), scalar.kind(), at);
      }
      if (node instanceof YMap map) {
        return new YMap(map.entries().stream().map(e -> new Entry(e.key(), at, relocated(e.value(), at))).toList(), at, map.weight());
      }
      if (node instanceof YSeq seq) {
        return new YSeq(seq.items().stream().map(item -> relocated(item, at)).toList(), at, seq.weight());
      }
      throw new AssertionError(node);
    }

    private void count(long nodes, SourceLocation at) {
      expanded += nodes;
      if (expanded > limits.maxExpandedNodes()) {
        throw new BudgetExceeded(
            at,
            "the file expands to more than " + limits.maxExpandedNodes() + " YAML nodes (aliases referring to aliases?)",
            "write the values out instead of nesting aliases");
      }
    }

    private YMap map(SourceLocation at, int depth) throws IOException {
      List<Entry> entries = new ArrayList<>();
      Map<String, SourceLocation> seen = new HashMap<>();
      List<Merge> merges = new ArrayList<>();
      long weight = 1;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        SourceLocation keyAt = location(parser.currentTokenLocation());
        boolean plain = parser.plain();
        explicitTag(parser.tag(), keyAt);
        key = checkedText(key, keyAt);
        YNode value = node(parser.nextToken(), depth + 1);
        if (plain && key.equals("<<")) {
          mergeKey(keyAt);
          weight += value.weight();
          merges.add(new Merge(entries.size(), value));
          continue;
        }
        SourceLocation first = seen.putIfAbsent(key, keyAt);
        if (first != null) {
          diagnostics.error(
              "DRS007", keyAt, "duplicate key '" + key + "' (first written at line " + first.line() + ")", "keep one '" + key + "' and delete the other");
          continue;
        }
        weight += value.weight();
        entries.add(new Entry(key, keyAt, value));
      }
      return new YMap(merges.isEmpty() ? entries : merged(entries, merges), at, weight);
    }

    /**
     * YAML 1.1 merge keys ({@code <<: *base}) are not part of YAML 1.2 nor of the JSON Schema editors check against, and
     * Jackson hands them over as a key named "<<". Refused here, in one place, so that every mapping of the contract
     * (sections read key by key, and free-form ones such as tags and transit_gateways alike) says so at the key's line.
     */
    private void mergeKey(SourceLocation keyAt) {
      diagnostics.error(
          "DRS011",
          keyAt,
          "YAML merge keys ('<<') are not supported: drslink would not merge them",
          "write the keys out; an alias of a whole value (key: *name) does work");
    }

    /**
     * The entries as a YAML 1.1 reader would merge them (https://yaml.org/type/merge.html): keys written in the
     * mapping win, then the merged mappings in the order listed. The merge is already an error; merging anyway keeps
     * it the one error, instead of "missing key" for every key it brought in.
     */
    private List<Entry> merged(List<Entry> own, List<Merge> merges) {
      Set<String> taken = new HashSet<>();
      own.forEach(e -> taken.add(e.key()));
      List<Entry> out = new ArrayList<>();
      int next = 0;
      for (int i = 0; i <= own.size(); i++) {
        for (; next < merges.size() && merges.get(next).position() == i; next++) {
          YNode value = merges.get(next).value();
          for (YNode source : value instanceof YSeq seq ? seq.items() : List.of(value)) {
            if (source instanceof YMap map) {
              map.entries().stream().filter(e -> taken.add(e.key())).forEach(out::add);
            }
          }
        }
        if (i < own.size()) {
          out.add(own.get(i));
        }
      }
      return out;
    }
    private YSeq seq(SourceLocation at, int depth) throws IOException {
      List<YNode> items = new ArrayList<>();
      long weight = 1;
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        YNode item = node(token, depth + 1);
        weight += item.weight();
        items.add(item);
      }
      return new YSeq(items, at, weight);
    }
  }

  /** A merge key met before {@code position} entries of its mapping, and its value. */
  private record Merge(int position, YNode value) {}

  /** Thrown to abandon a parse as soon as a limit is crossed; reported as a diagnostic, never to the user as a trace. */
  private static final class BudgetExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SourceLocation at;
    final String hint;

    BudgetExceeded(SourceLocation at, String message, String hint) {
      super(message, null, false, false);
      this.at = at;
      this.hint = hint;
    }
  }
}
