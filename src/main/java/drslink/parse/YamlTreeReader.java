package drslink.parse;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.parse.YNode.Entry;
import drslink.parse.YNode.ScalarKind;
import drslink.parse.YNode.YMap;
import drslink.parse.YNode.YScalar;
import drslink.parse.YNode.YSeq;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentEndEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingEndEvent;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceEndEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.events.StreamEndEvent;
import org.yaml.snakeyaml.events.StreamStartEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into a {@link YNode} tree with locations, from SnakeYAML's event parser (the one
 * jackson-dataformat-yaml drives; issue 20 item 6). Duplicate keys are reported (all of them, not just the first);
 * aliases are resolved by sharing the anchored node, and a budget on the expanded size stops "billion laughs" files
 * before they cost anything.
 *
 * <p>Why events and not SnakeYAML's composer ({@code Composer}, nodes with marks): the composer hands back an alias as
 * the very node of its anchor, so the alias's own place is gone, and a message about an aliased value must point at
 * the alias (the anchor may sit where the value is fine); it also expands aliases before any budget could stop a
 * "billion laughs" file. Events carry everything needed: marks, anchors (of scalars too, which Jackson's parser does
 * not report: jackson-dataformats-text#6), aliases, explicit tags, scalar styles and document starts. What a scalar
 * is (string, number, ...) is decided as Jackson decided it ({@link ScalarTyping}).
 */
public final class YamlTreeReader {
  private final LoaderOptions options;
  private final YamlLimits limits;
  private final ScalarTyping typing = new ScalarTyping();

  public YamlTreeReader(YamlLimits limits) {
    this.limits = limits;
    this.options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // duplicates are reported here, all of them, with locations
    options.setNestingDepthLimit(limits.maxDepth() + 2);
    options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
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
    Build build = new Build(file, new ParserImpl(new StreamReader(text), options), diagnostics);
    try {
      Event first = build.next();
      boolean emptyFirst = first instanceof ScalarEvent scalar && scalar.getValue().isEmpty() && typing.kind(scalar) == ScalarKind.NULL;
      if (emptyFirst) {
        // "---" alone, or only comments after it. The topology may follow in a second document: that is one
        // problem, said at the '---' to delete, and the second document is still read for its own problems.
        first = build.next();
        if (first != null) {
          diagnostics.error(
              "DRS003",
              build.lastDocumentStart(),
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
      if (build.next() != null) {
        diagnostics.error("DRS003", build.lastDocumentStart(), "more than one YAML document in the file", "keep one topology per file and remove the '---' separator");
      }
      return build.failed ? Optional.empty() : Optional.of(root);
    } catch (BudgetExceeded e) {
      diagnostics.error("DRS004", e.at, e.getMessage(), e.hint);
    } catch (Malformed e) {
      diagnostics.error("DRS005", build.location(e.at), e.getMessage(), e.hint);
    } catch (ScalarTyping.BadNumber e) {
      diagnostics.error("DRS005", build.currentLocation(), "not valid YAML: " + firstLine(e.getMessage()), "fix the YAML syntax at this position");
    } catch (YAMLException e) {
      syntaxError(file, text, e, build.currentLocation(), diagnostics);
    } catch (NumberFormatException e) {
      // SnakeYAML's scanner can let this escape on odd numbers (oss-fuzz 63274), as Jackson's parser notes.
      diagnostics.error(
          "DRS005",
          build.currentLocation(),
          "not valid YAML: Malformed Number token: failed to tokenize due to (" + e.getClass().getName() + "): " + firstLine(e.getMessage()),
          "fix the YAML syntax at this position");
    }
    return Optional.empty();
  }

  /**
   * SnakeYAML's message starts with the context ("while parsing a flow sequence", pointing where that
   * began) and then names the problem at the place it was found; the problem and its place are what
   * the user needs, so they are preferred over the summary.
   */
  private static void syntaxError(String file, String text, YAMLException e, SourceLocation current, Diagnostics diagnostics) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ReaderException bad) {
        // SnakeYAML knows the offending character's index in code points.
        diagnostics.error(
            "DRS005",
            locate(file, text, bad.getPosition()),
            String.format("not valid YAML: the control character U+%04X is not allowed in a YAML file", bad.getCodePoint()),
            "remove it; inside double quotes it can be written as an escape such as \\t or \\u0007");
        return;
      }
      if (cause instanceof MarkedYAMLException marked && marked.getProblem() != null && marked.getProblemMark() != null) {
        SourceLocation at = new SourceLocation(file, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        String message = "not valid YAML: " + firstLine(marked.getProblem());
        Mark started = marked.getContextMark();
        if (marked.getContext() != null && started != null && started.getLine() != marked.getProblemMark().getLine()) {
          // "found unexpected end of stream" on the last line needs the opening quote or bracket to be useful.
          message += " (" + firstLine(marked.getContext()) + " that starts at line " + (started.getLine() + 1) + ", column " + (started.getColumn() + 1) + ")";
        }
        diagnostics.error("DRS005", at, message, "fix the YAML syntax at this position");
        return;
      }
    }
    diagnostics.error("DRS005", current, "not valid YAML: " + firstLine(e.getMessage()), "fix the YAML syntax at this position");
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
    private final ParserImpl events;
    private final Diagnostics diagnostics;
    private final Map<String, YNode> anchors = new HashMap<>();
    /** Where each document started so far: its '---', or its first content. */
    private final List<Mark> documentStarts = new ArrayList<>();
    /** {@code %TAG} directives not reported yet: handle, prefix and line (1-based). */
    private final List<String[]> tagDirectives = new ArrayList<>();
    private Event last;
    private long expanded;
    private boolean failed;

    Build(String file, ParserImpl events, Diagnostics diagnostics) {
      this.file = file;
      this.events = events;
      this.diagnostics = diagnostics;
    }

    SourceLocation location(Mark mark) {
      return mark == null ? SourceLocation.startOf(file) : new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** Just past the latest event read: where a problem found while reading it is said. */
    SourceLocation currentLocation() {
      return last == null ? SourceLocation.startOf(file) : location(last.getEndMark());
    }

    /** The '---' of the document being read (where a user deletes it), or 1:1 before any. */
    SourceLocation lastDocumentStart() {
      return documentStarts.isEmpty() ? SourceLocation.startOf(file) : location(documentStarts.get(documentStarts.size() - 1));
    }

    /**
     * The next node, or the end of a mapping or list; null at the end of the stream. Stream and document markers are
     * stepped over (a second document is found by what follows the first), their places and %TAG directives kept.
     */
    Event next() {
      while (true) {
        Event event = events.getEvent();
        last = event;
        if (event instanceof DocumentStartEvent start) {
          documentStarts.add(start.getStartMark());
          if (start.getTags() != null) {
            start.getTags().forEach((handle, prefix) -> tagDirectives.add(new String[] {handle, prefix, String.valueOf(start.getStartMark().getLine() + 1)}));
          }
        } else if (event instanceof StreamEndEvent) {
          return null;
        } else if (!(event instanceof StreamStartEvent) && !(event instanceof DocumentEndEvent)) {
          return event;
        }
      }
    }

    YNode node(Event event, int depth) throws ScalarTyping.BadNumber {
      // Typed first: a number no reader takes ends the parse before anything is said about the scalar.
      ScalarKind kind = event instanceof ScalarEvent scalar ? typing.kind(scalar) : null;
      SourceLocation at = location(event.getStartMark());
      if (depth > limits.maxDepth()) {
        throw new BudgetExceeded(at, "nesting deeper than " + limits.maxDepth() + " levels", "a topology nests at most six levels deep");
      }
      if (event instanceof AliasEvent alias) {
        return alias(alias.getAnchor(), at);
      }
      if (!(event instanceof NodeEvent value)) {
        throw new Malformed(event.getEndMark(), "not valid YAML: expected a value, found " + event.getEventId(), "fix the YAML syntax at this position");
      }
      String anchor = value.getAnchor();
      explicitTag(tag(event), at);
      YNode node;
      if (event instanceof MappingStartEvent) {
        node = map(at, depth);
      } else if (event instanceof SequenceStartEvent) {
        node = seq(at, depth);
      } else {
        ScalarEvent scalar = (ScalarEvent) event;
        String text = switch (kind) {
          case STRING -> checkedText(scalar.getValue(), at);
          case NULL -> "";
          default -> scalar.getValue();
        };
        node = new YScalar(text, kind, at);
      }
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
      for (String[] directive : tagDirectives) {
        diagnostics.error(
            "DRS133",
            new SourceLocation(file, Integer.parseInt(directive[2]), 1),
            "the %TAG directive '" + directive[0] + " " + directive[1] + "' is not supported: drslink reads no explicit YAML tags",
            "remove the %TAG line");
      }
      tagDirectives.clear();
    }

    /** The explicit tag on a scalar, mapping or list ({@code !!binary}, {@code !local}, {@code !}), or null. */
    private static String tag(Event event) {
      if (event instanceof ScalarEvent scalar) {
        return scalar.getTag();
      }
      return event instanceof CollectionStartEvent collection ? collection.getTag() : null;
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

    private YMap map(SourceLocation at, int depth) throws ScalarTyping.BadNumber {
      List<Entry> entries = new ArrayList<>();
      Map<String, SourceLocation> seen = new HashMap<>();
      List<Merge> merges = new ArrayList<>();
      long weight = 1;
      Event event;
      while (!((event = next()) instanceof MappingEndEvent)) {
        if (!(event instanceof ScalarEvent keyEvent)) {
          // "? [a, b] : c", or an alias as a key; said just past where the key starts, as Jackson's parser said it.
          throw new Malformed(
              event == null ? null : event.getEndMark(),
              "not valid here: a mapping key must be a plain value, not a list or a mapping",
              "write the key as a plain word");
        }
        SourceLocation keyAt = location(keyEvent.getStartMark());
        boolean plain = keyEvent.isPlain();
        explicitTag(keyEvent.getTag(), keyAt);
        String key = checkedText(keyEvent.getValue(), keyAt);
        YNode value = node(next(), depth + 1);
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
    private YSeq seq(SourceLocation at, int depth) throws ScalarTyping.BadNumber {
      List<YNode> items = new ArrayList<>();
      long weight = 1;
      Event event;
      while (!((event = next()) instanceof SequenceEndEvent)) {
        YNode item = node(event, depth + 1);
        weight += item.weight();
        items.add(item);
      }
      return new YSeq(items, at, weight);
    }
  }

  /** A merge key met before {@code position} entries of its mapping, and its value. */
  private record Merge(int position, YNode value) {}

  /** Thrown to abandon a parse at input no YAML reader would take; reported as DRS005 at {@code at}. */
  private static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Mark at;
    final String hint;

    Malformed(Mark at, String message, String hint) {
      super(message, null, false, false);
      this.at = at;
      this.hint = hint;
    }
  }

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
