package drslink.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import drslink.docs.ReferenceTables.Row;
import drslink.docs.SchemaKeys.Key;
import drslink.schema.TopologySchema;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/topology.md, the user reference of the topology file, agrees with the JSON Schema both ways (every
 * key, its type, whether it is required, its default) and with the diagnostics drslink emits (every code
 * exists, is listed once in the index with its severity), and its example is a valid topology. The schema
 * is built from the reader's key sets and the model's defaults, so this ties the reference to the code.
 */
class TopologyReferenceTest {
  static final Path REFERENCE = Path.of("docs/topology.md");
  static final List<String> KEY_COLUMNS = List.of("key", "type", "required", "default", "meaning", "rules");
  static final List<String> CODE_COLUMNS = List.of("code", "severity", "what");
  private static final int KEY = 0, TYPE = 1, REQUIRED = 2, DEFAULT = 3;
  private static final Pattern CODE = Pattern.compile("DRS\\d{3}");
  // Every diagnostic is raised as diagnostics.error("DRSnnn", ...) or .warning("DRSnnn", ...).
  private static final Pattern RAISED = Pattern.compile("\\.(error|warning)\\(\\s*\"(DRS\\d{3})\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z_]+>");

  private final Map<String, Key> schema = SchemaKeys.of(new TopologySchema().build());

  @Test
  void documentsEverySchemaKey() throws IOException {
    Set<String> missing = new TreeSet<>(schema.keySet());
    missing.removeAll(documented().keySet());
    assertEquals(Set.of(), missing, REFERENCE + " has no row for these schema keys; add a row to the table of their object");
  }

  @Test
  void documentsOnlySchemaKeysEachOnce() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<String, Row> seen = new LinkedHashMap<>();
    for (Row row : keyRows()) {
      String path = path(row);
      Row first = seen.putIfAbsent(path, row);
      if (first != null) {
        problems.add("line " + row.line() + ": " + row.cell(KEY) + " is documented again (first at line " + first.line() + ")");
      } else if (!schema.containsKey(path)) {
        problems.add("line " + row.line() + ": " + row.cell(KEY) + " is not a key of the schema");
      }
    }
    assertEquals(List.of(), problems, REFERENCE.toString());
  }

  @Test
  void typesAndRequiredMatchTheSchema() throws IOException {
    List<String> problems = new ArrayList<>();
    documented().forEach(
        (path, row) -> {
          Key key = schema.get(path);
          if (key == null) {
            return; // documentsOnlySchemaKeysEachOnce names it
          }
          if (!row.cell(TYPE).equals(key.type())) {
            problems.add("line " + row.line() + ": " + row.cell(KEY) + " has type '" + row.cell(TYPE) + "', the schema says '" + key.type() + "'");
          }
          key.required()
              .map(required -> required ? "yes" : "no")
              .filter(expected -> !expected.equals(row.cell(REQUIRED)))
              .ifPresent(expected -> problems.add("line " + row.line() + ": " + row.cell(KEY) + " is required '" + row.cell(REQUIRED) + "', the schema says '" + expected + "'"));
        });
    assertEquals(List.of(), problems, REFERENCE.toString());
  }

  @Test
  void defaultsMatchTheSchema() throws IOException {
    List<String> problems = new ArrayList<>();
    documented().forEach(
        (path, row) -> {
          Key key = schema.get(path);
          if (key == null) {
            return;
          }
          // A literal default is written as one code span; a default that depends on other keys is prose.
          Optional<String> literal = ReferenceTables.codeSpan(row.cell(DEFAULT));
          Optional<String> expected = key.defaultValue().map(JsonNode::asText);
          if (!literal.equals(expected)) {
            problems.add(
                "line " + row.line() + ": " + row.cell(KEY) + " has default " + row.cell(DEFAULT) + ", the schema says "
                    + expected.map(v -> "`" + v + "`").orElse("none (write '—' or prose, not one code span)"));
          }
        });
    assertEquals(List.of(), problems, REFERENCE.toString());
  }

  @Test
  void mentionsOnlyCodesThatDrslinkRaises() throws IOException {
    Set<String> unknown = codes(Files.readString(REFERENCE));
    unknown.removeAll(raised().keySet());
    assertEquals(Set.of(), unknown, REFERENCE + " mentions codes that no class under src/main/java raises");
  }

  @Test
  void listsEveryCodeOnceWithItsSeverity() throws IOException {
    Map<String, String> raised = raised();
    List<String> problems = new ArrayList<>();
    Map<String, Row> listed = new TreeMap<>();
    for (Row row : ReferenceTables.rows(Files.readString(REFERENCE), CODE_COLUMNS)) {
      String code = row.cell(0);
      if (listed.putIfAbsent(code, row) != null) {
        problems.add("line " + row.line() + ": " + code + " is listed twice");
      } else if (raised.containsKey(code) && !raised.get(code).equals(row.cell(1))) {
        problems.add("line " + row.line() + ": " + code + " is listed as " + row.cell(1) + " but raised as " + raised.get(code));
      }
    }
    raised.keySet().stream().filter(code -> !listed.containsKey(code)).forEach(code -> problems.add(code + " is missing from 'Diagnostics by code'"));
    assertEquals(List.of(), problems, REFERENCE.toString());
  }

  @Test
  void exampleIsAValidTopology(@TempDir Path dir) throws IOException {
    String text = Files.readString(REFERENCE);
    int section = text.indexOf("\n## Example\n");
    int start = text.indexOf("```yaml\n", section);
    assertFalse(section < 0 || start < 0, REFERENCE + " should have a '## Example' section with a ```yaml block");
    String example = text.substring(start + "```yaml\n".length(), text.indexOf("```\n", start + 1));
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, example);
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(0, run.exitCode(), "the example in " + REFERENCE + " should validate:\n" + run.err());
    JsonNode tree = new YAMLMapper().readTree(example);
    List<String> complaints =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(new TopologySchema().build()).validate(tree).stream().map(e -> e.toString()).toList();
    assertEquals(List.of(), complaints, "the example in " + REFERENCE + " should satisfy the schema");
  }

  @Test
  void readsCellsWithEscapedPipesAndCodeSpans() {
    List<Row> rows = ReferenceTables.rows("x\n| a | b |\n|---|---|\n| `k.v` | one \\| two |\n\n| a | b |\n", List.of("a", "b"));
    assertEquals(List.of(new Row(4, List.of("`k.v`", "one \\| two"))), rows);
    assertEquals(Optional.of("k.v"), ReferenceTables.codeSpan("`k.v`"));
    assertEquals(Optional.empty(), ReferenceTables.codeSpan("the network's `cidrs`"));
  }

  /** The reference's key rows by normalized path (the first row of a path, when one is repeated). */
  private static Map<String, Row> documented() throws IOException {
    Map<String, Row> byPath = new TreeMap<>();
    keyRows().forEach(row -> byPath.putIfAbsent(path(row), row));
    return byPath;
  }

  private static List<Row> keyRows() throws IOException {
    List<Row> rows = ReferenceTables.rows(Files.readString(REFERENCE), KEY_COLUMNS);
    for (Row row : rows) {
      if (ReferenceTables.codeSpan(row.cell(KEY)).isEmpty()) {
        throw new AssertionError(REFERENCE + " line " + row.line() + ": the key cell should be one code span naming the key's path, found " + row.cell(KEY));
      }
    }
    return rows;
  }

  /** The schema's spelling of a documented path: a placeholder such as <region> stands for any key. */
  private static String path(Row row) {
    return PLACEHOLDER.matcher(ReferenceTables.codeSpan(row.cell(KEY)).orElseThrow()).replaceAll("*");
  }

  /** Every code raised under src/main/java, with its severity. */
  private static Map<String, String> raised() throws IOException {
    Map<String, String> severities = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = RAISED.matcher(Files.readString(file));
        while (m.find()) {
          String previous = severities.putIfAbsent(m.group(2), m.group(1));
          if (previous != null && !previous.equals(m.group(1))) {
            throw new AssertionError(m.group(2) + " is raised both as " + previous + " and as " + m.group(1) + " (" + file + ")");
          }
        }
      }
    }
    return severities;
  }

  private static Set<String> codes(String text) {
    Set<String> codes = new TreeSet<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group());
    }
    return codes;
  }
}
