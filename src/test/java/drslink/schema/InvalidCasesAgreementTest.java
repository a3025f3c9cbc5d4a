package drslink.schema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every bad-input case under src/test/resources/invalid/ that the schema rejects, the validator
 * rejects it too and is at least as precise. Cases the schema accepts break rules only the validator can
 * see (references, overlaps) and have nothing to compare; an empty folder is fine.
 */
class InvalidCasesAgreementTest {
  static final Path INVALID = Path.of("src/test/resources/invalid");
  private static final SchemaCheck SCHEMA = new SchemaCheck();

  static Stream<Arguments> cases() throws IOException {
    if (!Files.isDirectory(INVALID)) {
      return Stream.empty();
    }
    try (Stream<Path> dirs = Files.list(INVALID)) {
      return dirs.map(d -> d.resolve("topology.yaml"))
          .filter(Files::isRegularFile)
          .sorted()
          .map(file -> Arguments.of(file.getParent().getFileName().toString(), file))
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
  @MethodSource("cases")
  void validatorRejectsWhatTheSchemaRejects(String name, Path topology) throws IOException {
    byte[] file = Files.readAllBytes(topology);
    List<SchemaCheck.Complaint> complaints = SCHEMA.complaints(file);
    if (complaints.isEmpty()) {
      return;
    }
    Agreement.assertValidatorAtLeastAsPrecise(name, file, complaints, ValidatorVerdict.of(topology));
  }
}
