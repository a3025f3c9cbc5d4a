package drslink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.schema.SchemaCheck.Complaint;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The assertions that tie the schema to the validator for a file the schema rejects: the validator rejects
 * it too, with file:line:col, and at least one of its errors lies on a line of a node the schema complained
 * about, so its message is at least as precise as the schema's.
 */
final class Agreement {
  private Agreement() {}

  static void assertValidatorAtLeastAsPrecise(String name, byte[] file, List<Complaint> complaints, ValidatorVerdict verdict) {
    String context = name + "\nschema: " + complaints + "\nvalidator:\n" + verdict.stderr();
    assertEquals(1, verdict.exitCode(), "the schema rejects " + name + " but the validator does not (exit 1 expected)\n" + context);
    assertFalse(verdict.errorLines().isEmpty(), "the validator rejects " + name + " without a file:line:col\n" + context);
    Optional<YamlNodeLines> lines = YamlNodeLines.of(file);
    if (lines.isEmpty()) {
      return; // not YAML at all: the schema has no node to point at, the location above is all there is
    }
    List<YamlNodeLines.Span> spans =
        complaints.stream().map(c -> lines.get().span(c.pointer())).flatMap(Optional::stream).collect(Collectors.toList());
    boolean sameNode = spans.stream().anyMatch(span -> verdict.errorLines().stream().anyMatch(span::contains));
    assertTrue(sameNode, "no validator error points into a node the schema complained about (" + spans + ")\n" + context);
  }
}
