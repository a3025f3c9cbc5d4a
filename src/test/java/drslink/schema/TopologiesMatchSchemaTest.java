package drslink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every topology drslink ships or generates from in its golden tests is valid for the schema and the validator. */
class TopologiesMatchSchemaTest {
  private static final SchemaCheck SCHEMA = new SchemaCheck();

  /** Every examples/<name>/topology.yaml and src/test/resources/golden/<name>/topology.yaml. */
  static Stream<Arguments> topologies() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path root : List.of(Path.of("examples"), Path.of("src/test/resources/golden"))) {
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.map(d -> d.resolve("topology.yaml"))
            .filter(Files::isRegularFile)
            .sorted()
            .forEach(file -> cases.add(Arguments.of(root.getFileName() + "/" + file.getParent().getFileName(), file)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void isValidForSchemaAndValidator(String name, Path topology) throws IOException {
    assertEquals(List.of(), SCHEMA.complaints(Files.readAllBytes(topology)), name + " against the schema");
    ValidatorVerdict verdict = ValidatorVerdict.of(topology);
    assertEquals(0, verdict.exitCode(), name + " against the validator:\n" + verdict.stderr());
  }
}
