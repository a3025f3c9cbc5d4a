package drslink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * schema/topology.schema.json is what `drslink schema` prints, byte for byte. Run with
 * -Ddrslink.updateGolden=true to rewrite it, then review git diff.
 */
class SchemaFileTest {
  static final Path COMMITTED = Path.of("schema/topology.schema.json");
  private static final String MODELINE = "# yaml-language-server: $schema=../../schema/topology.schema.json";

  @Test
  void committedCopyIsWhatDrslinkSchemaPrints() throws IOException {
    CliRun run = CliRun.of("schema");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    if (Boolean.getBoolean("drslink.updateGolden")) {
      Files.createDirectories(COMMITTED.getParent());
      Files.writeString(COMMITTED, run.out());
      return;
    }
    assertEquals(
        Files.readString(COMMITTED),
        run.out(),
        COMMITTED + " is stale: rerun with -Ddrslink.updateGolden=true and review git diff");
  }

  @Test
  void schemaTextIsStableTwoSpaceJsonWithAFinalNewline() {
    String text = CliRun.of("schema").out();
    assertEquals(text, CliRun.of("schema").out());
    assertTrue(text.endsWith("}\n") && !text.contains("\r") && !text.contains("\t"), "LF, no tabs, final newline");
    assertTrue(text.startsWith("{\n  \"$schema\": \"" + TopologySchema.DIALECT + "\",\n"), text.lines().limit(3).toList().toString());
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    // The draft's meta-schema ships inside the validator jar; nothing is fetched.
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    List<Error> errors = registry.getSchema(SchemaLocation.of(TopologySchema.DIALECT)).validate(new TopologySchema().build());
    assertEquals(List.of(), errors);
  }

  @Test
  void helpShowsWhatTheSchemaIsForWithExamples() {
    CliRun run = CliRun.of("schema", "--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("JSON Schema") && run.out().contains("Examples:") && run.out().contains("yaml-language-server"), run.out());
  }

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.map(d -> d.resolve("topology.yaml")).filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyExampleOpensWithTheModelineThatFindsTheSchema(Path topology) throws IOException {
    assertEquals(MODELINE, Files.readAllLines(topology).get(0), topology + " should start with the yaml-language-server line");
    Path target = topology.getParent().resolve(MODELINE.substring(MODELINE.indexOf('=') + 1)).normalize();
    assertEquals(COMMITTED.normalize(), target);
  }
}
