package drslink.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Warnings acknowledged one by one in the topology (docs/topology.md "Acknowledging a warning"): the hybrid example
 * has DRS228 for dc-tokyo and DRS103 for app-to-osaka; acknowledging one leaves the other in force under --strict.
 */
class AcknowledgementTest {
  private static final String REASON = "the Direct Connect gateway allows 10.20.0.0/16 (change NET-1234)";

  @TempDir Path dir;

  private Path hybrid(String acknowledge) throws IOException {
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, Files.readString(Path.of("examples/hybrid/topology.yaml")) + "\nacknowledge:\n" + acknowledge);
    return file;
  }

  private static final String DRS228 = "  - code: DRS228\n    item: dc-tokyo\n    reason: " + REASON + "\n";
  private static final String DRS103 = "  - code: DRS103\n    item: app-to-osaka\n    reason: failback is planned by hand\n";

  @Test
  void anAcknowledgedWarningNoLongerFailsStrictAndThePlanShowsItsReason() throws IOException {
    Path file = hybrid(DRS228 + DRS103);
    CliRun validate = CliRun.of("validate", "--strict", file.toString());
    assertEquals(0, validate.exitCode(), validate.err());
    assertFalse(validate.err().contains("DRS228") || validate.err().contains("dc-tokyo send"), validate.err());

    CliRun text = CliRun.of("plan", "--strict", file.toString());
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("Acknowledged warnings"), text.out());
    assertTrue(text.out().contains("[acknowledged: " + REASON + "]"), text.out());

    CliRun markdown = CliRun.of("plan", "--format", "markdown", file.toString());
    assertTrue(markdown.out().contains("**Reason:** " + REASON), markdown.out());
  }

  @Test
  void oneAcknowledgementCoversOnlyItsItem() throws IOException {
    CliRun run = CliRun.of("validate", "--strict", hybrid(DRS228).toString());
    assertEquals(1, run.exitCode(), "DRS103 about app-to-osaka is still a warning: " + run.err());
    assertTrue(run.err().contains("app-to-osaka has no private failback path"), run.err());
    assertFalse(run.err().contains("servers in dc-tokyo send"), run.err());
  }

  @Test
  void jsonCarriesOpenAndAcknowledgedWarnings() throws IOException {
    CliRun run = CliRun.of("plan", "--format", "json", hybrid(DRS228).toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode warnings = new ObjectMapper().readTree(run.out()).get("warnings");
    assertEquals(2, warnings.size(), warnings.toString());
    assertEquals("DRS103", warnings.get(0).get("code").asText());
    assertTrue(warnings.get(0).get("acknowledged") == null, warnings.toString());
    assertEquals("DRS228", warnings.get(1).get("code").asText());
    assertEquals(REASON, warnings.get(1).get("acknowledged").asText());
  }

  @Test
  void anEntryThatCoversNothingIsAWarning() throws IOException {
    CliRun run = CliRun.of("validate", hybrid(DRS228 + "  - code: DRS228\n    item: dc-osaka\n    reason: typo\n").toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("warning: acknowledge entry for DRS228 about dc-osaka matches no warning"), run.err());
  }

  @Test
  void errorsCannotBeAcknowledged() throws IOException {
    Path file = dir.resolve("topology.yaml");
    String text = Files.readString(Path.of("examples/hybrid/topology.yaml")).replace("sources: [dc-tokyo]", "sources: [dc-nowhere]");
    Files.writeString(file, text + "\nacknowledge:\n  - code: DRS081\n    item: dc-nowhere\n    reason: x\n");
    CliRun run = CliRun.of("validate", file.toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("error: DRS081 about dc-nowhere is an error; only warnings can be acknowledged"), run.err());
  }

  @Test
  void anEmptyReasonOrAMalformedCodeIsRefused() throws IOException {
    CliRun run = CliRun.of("validate", hybrid("  - code: DRS228\n    item: dc-tokyo\n    reason: \" \"\n  - code: drs228\n    item: dc-tokyo\n    reason: x\n").toString());
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("the reason of the acknowledge entry for DRS228 about dc-tokyo is empty"), run.err());
    assertTrue(run.err().contains("'drs228' is not a diagnostic code"), run.err());
  }

  @Test
  void theItemMustBeAWholeName() {
    Diagnostic d = new Diagnostic(Severity.WARNING, "DRS103", "replication app-to-osaka has no private failback path", null, SourceLocation.startOf("t.yaml"));
    assertTrue(new Acknowledgement("DRS103", "app-to-osaka", "r", SourceLocation.startOf("t.yaml")).covers(d));
    assertFalse(new Acknowledgement("DRS103", "app", "r", SourceLocation.startOf("t.yaml")).covers(d));
    assertFalse(new Acknowledgement("DRS228", "app-to-osaka", "r", SourceLocation.startOf("t.yaml")).covers(d));
  }
}
