package drslink.parse;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.diag.Suggestions;
import drslink.model.Located;
import drslink.parse.YNode.Entry;
import drslink.parse.YNode.ScalarKind;
import drslink.parse.YNode.YMap;
import drslink.parse.YNode.YScalar;
import drslink.parse.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one YAML mapping of the topology: typed getters report wrong types and missing keys, and
 * {@link #finishUnknownKeys()} reports every key no getter asked for, with a "did you mean".
 */
final class MapReader {
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9_]*)");
  private final YMap map;
  private final String where;
  private final Set<String> allowed;
  private final Diagnostics diagnostics;

  private MapReader(YMap map, String where, Set<String> allowed, Diagnostics diagnostics) {
    this.map = map;
    this.where = where;
    this.allowed = allowed;
    this.diagnostics = diagnostics;
  }

  /** A reader for {@code node}, or empty (with an error) when it is not a mapping. */
  static Optional<MapReader> of(YNode node, String where, Set<String> allowed, Diagnostics diagnostics) {
    if (node instanceof YMap map) {
      return Optional.of(new MapReader(map, where, allowed, diagnostics));
    }
    diagnostics.error("DRS010", node.at(), where + " must be a mapping, found " + node.kindName(), "write it as 'key: value' lines");
    return Optional.empty();
  }

  SourceLocation at() {
    return map.at();
  }

  /** The entry for {@code key}; keys a merge key brought in are already in the mapping ({@link YamlTreeReader}). */
  Optional<Entry> entry(String key) {
    return map.entries().stream().filter(e -> e.key().equals(key)).findFirst();
  }

  boolean has(String key) {
    return entry(key).isPresent();
  }

  void finishUnknownKeys() {
    for (Entry entry : map.entries()) {
      if (!allowed.contains(entry.key())) {
        String suggestion = Suggestions.didYouMean(entry.key(), allowed);
        diagnostics.error(
            "DRS011",
            entry.keyAt(),
            "unknown key '" + entry.key() + "' in " + where,
            suggestion.isEmpty() ? "allowed keys: " + String.join(", ", allowed.stream().sorted().toList()) : suggestion);
      }
    }
  }

  private void missing(String key, String hint) {
    diagnostics.error("DRS012", map.at(), "missing required key '" + key + "' in " + where, hint);
  }

  private void wrongType(Entry entry, String expected) {
    String hint = "write " + entry.key() + " as " + expected;
    if (entry.value() instanceof YScalar scalar && scalar.kind() == ScalarKind.NULL) {
      hint = "give " + entry.key() + " a value, or remove the key";
    } else if (entry.value() instanceof YScalar scalar
        && scalar.kind() == ScalarKind.STRING
        && (expected.equals("a whole number") && scalar.text().matches("[-+]?[0-9]+") || expected.equals("true or false") && scalar.text().matches("true|false"))) {
      hint = "remove the quotes: " + entry.key() + ": " + scalar.text();
    } else if (entry.value() instanceof YScalar scalar && expected.startsWith("a string")) {
      // yes, on, 1e3 or 010 are booleans and numbers to YAML; quotes keep them as written.
      hint = "put the value in quotes: " + entry.key() + ": \"" + scalar.text() + "\"";
    }
    diagnostics.error("DRS013", entry.value().at(), "'" + entry.key() + "' must be " + expected + ", found " + entry.value().kindName(), hint);
  }

  /** A string value; numbers are refused so that "010" and 010 cannot silently differ. */
  Located<String> string(String key, boolean required, String hint) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      if (required) {
        missing(key, hint);
      }
      return null;
    }
    if (found.get().value() instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING) {
      return new Located<>(scalar.text(), scalar.at());
    }
    wrongType(found.get(), "a string");
    return null;
  }

  /** A string, or a plain number kept as written (account ids may be quoted or not). */
  Located<String> digits(String key, boolean required, String hint) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      if (required) {
        missing(key, hint);
      }
      return null;
    }
    if (found.get().value() instanceof YScalar scalar
        && (scalar.kind() == ScalarKind.STRING || scalar.kind() == ScalarKind.INTEGER)) {
      return new Located<>(scalar.text(), scalar.at());
    }
    wrongType(found.get(), "a string of digits");
    return null;
  }

  Located<Integer> integer(String key, boolean required, String hint) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      if (required) {
        missing(key, hint);
      }
      return null;
    }
    if (found.get().value() instanceof YScalar scalar && scalar.kind() == ScalarKind.INTEGER) {
      if (!DECIMAL.matcher(scalar.text()).matches()) {
        // YAML 1.1 reads 0x1F as hex and 012 as octal; say so rather than guess which the user meant.
        diagnostics.error(
            "DRS013",
            scalar.at(),
            "'" + key + "' must be a whole number written in decimal, found " + scalar.text(),
            "write it with the digits 0-9 only and no leading zero");
        return null;
      }
      try {
        return new Located<>(Integer.valueOf(scalar.text().replace("_", "")), scalar.at());
      } catch (NumberFormatException e) {
        diagnostics.error("DRS014", scalar.at(), "'" + key + "' is out of range: " + scalar.text(), "use a whole number below 2147483648");
        return null;
      }
    }
    wrongType(found.get(), "a whole number");
    return null;
  }

  Located<Boolean> bool(String key) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      return null;
    }
    if (found.get().value() instanceof YScalar scalar && scalar.kind() == ScalarKind.BOOLEAN) {
      String word = scalar.text().toLowerCase(java.util.Locale.ROOT);
      if (word.equals("true") || word.equals("false")) {
        return new Located<>(Boolean.valueOf(word), scalar.at());
      }
      // YAML 1.1 words (yes, no, on, off): Boolean.valueOf would read "yes" as false. YAML 1.2, and so
      // editors checking the JSON Schema, read them as strings, so refuse them instead of guessing.
      diagnostics.error(
          "DRS013",
          scalar.at(),
          "'" + key + "' must be true or false, found '" + scalar.text() + "'",
          "write " + key + ": " + (word.equals("yes") || word.equals("on") || word.equals("y") ? "true" : "false"));
      return null;
    }
    wrongType(found.get(), "true or false");
    return null;
  }

  /** A list of strings; absent gives an empty list. {@code required} also refuses an empty list. */
  List<Located<String>> strings(String key, boolean required, String hint) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      if (required) {
        missing(key, hint);
      }
      return List.of();
    }
    if (!(found.get().value() instanceof YSeq seq)) {
      wrongType(found.get(), "a list of strings");
      return List.of();
    }
    if (required && seq.items().isEmpty()) {
      diagnostics.error("DRS015", seq.at(), "'" + key + "' must not be empty", hint);
    }
    List<Located<String>> values = new ArrayList<>();
    for (YNode item : seq.items()) {
      if (item instanceof YScalar scalar && scalar.kind() == ScalarKind.STRING) {
        values.add(new Located<>(scalar.text(), scalar.at()));
      } else {
        diagnostics.error("DRS013", item.at(), "each entry of '" + key + "' must be a string, found " + item.kindName(), "write the entry as a plain string");
      }
    }
    return values;
  }

  /** A list of mappings, each handed to {@code reader}; absent gives an empty list. */
  List<YNode> list(String key, boolean required, String hint) {
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      if (required) {
        missing(key, hint);
      }
      return List.of();
    }
    if (!(found.get().value() instanceof YSeq seq)) {
      wrongType(found.get(), "a list");
      return List.of();
    }
    if (required && seq.items().isEmpty()) {
      diagnostics.error("DRS015", seq.at(), "'" + key + "' must not be empty", hint);
    }
    return seq.items();
  }

  Optional<YNode> node(String key) {
    return entry(key).map(Entry::value);
  }

  /** A mapping of string keys to scalar values (tags); numbers and booleans are kept as written. */
  Map<String, Located<String>> stringMap(String key) {
    Map<String, Located<String>> values = new LinkedHashMap<>();
    Optional<Entry> found = entry(key);
    if (found.isEmpty()) {
      return values;
    }
    if (!(found.get().value() instanceof YMap inner)) {
      wrongType(found.get(), "a mapping of names to values");
      return values;
    }
    for (Entry e : inner.entries()) {
      if (e.value() instanceof YScalar scalar) {
        // "Owner:" with no value is an empty tag value, which AWS allows.
        values.put(e.key(), new Located<>(scalar.kind() == ScalarKind.NULL ? "" : scalar.text(), scalar.at()));
      } else {
        diagnostics.error("DRS013", e.value().at(), "'" + key + "." + e.key() + "' must be a single value, found " + e.value().kindName(), "write a plain value");
      }
    }
    return values;
  }
}
