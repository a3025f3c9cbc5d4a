package drslink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.testing.CliRun;
import drslink.testing.Trees;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on its own: what the command line prints and writes is what the facade returns. */
class PipelineTest {
  static final String EXAMPLE = "examples/tokyo-osaka/topology.yaml";

  @Test
  void theCommandLineWritesAndPrintsWhatTheFacadeReturns(@TempDir Path tmp) throws Exception {
    Pipeline pipeline = new Pipeline();
    Loaded loaded = pipeline.load(Path.of(EXAMPLE));
    assertTrue(loaded.usable(false), loaded.diagnostics().sorted().toString());
    assertEquals(EXAMPLE, loaded.displayName());
    Plan plan = pipeline.plan(loaded);
    Guide guide = pipeline.guide(loaded, plan);
    pipeline.write(plan, pipeline.render(plan, guide), tmp.resolve("facade"));
    assertEquals(0, CliRun.of("generate", "-q", EXAMPLE, "--out", tmp.resolve("cli").toString()).exitCode());
    assertEquals(Trees.read(tmp.resolve("facade")), Trees.read(tmp.resolve("cli")));
    for (ReportFormat format : ReportFormat.values()) {
      assertEquals(pipeline.report(plan, guide, loaded.diagnostics(), format), CliRun.of("plan", "--format", format.name(), EXAMPLE).out(), format.name());
    }
    assertEquals(pipeline.mermaid(plan, guide), CliRun.of("diagram", EXAMPLE).out());
    assertEquals(pipeline.dot(plan, guide), CliRun.of("diagram", "--format", "dot", EXAMPLE).out());
    assertEquals(0, pipeline.differences(plan, pipeline.render(plan, guide), tmp.resolve("cli")).size(), "check finds the CLI's folder up to date");
  }

  @Test
  void problemsAreDiagnosticsAtTheFileNotExceptions(@TempDir Path tmp) throws Exception {
    Loaded missing = new Pipeline().load(tmp.resolve("none.yaml"));
    assertTrue(missing.topology().isEmpty());
    assertEquals("DRS008", missing.diagnostics().sorted().get(0).code());
    assertFalse(missing.usable(false));
    Path notUtf8 = tmp.resolve("latin1.yaml");
    Files.write(notUtf8, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9});
    assertEquals("DRS009", new Pipeline().load(notUtf8).diagnostics().sorted().get(0).code());
  }

  @Test
  void aByteThatIsNotUtf8IsShownWhereItStands(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("latin1.yaml");
    byte[] head = "version: 1\nregions:\n  tokyo: caf\u00e9 ".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(head, head.length + 2);
    bytes[head.length] = (byte) 0xe9; // Latin-1's é after a UTF-8 é: line 3, column 15 in letters
    bytes[head.length + 1] = '\n';
    Files.write(file, bytes);
    var error = new Pipeline().load(file).diagnostics().sorted().get(0);
    assertEquals("DRS009", error.code());
    assertEquals(3, error.location().line());
    assertEquals(15, error.location().column());
    assertTrue(error.message().contains("0xE9"), error.message());
  }
}
