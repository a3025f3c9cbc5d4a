package drslink.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticsTest {
  private static SourceLocation at(int line, int column) {
    return new SourceLocation("topology.yaml", line, column);
  }

  @Test
  void sortsByLineThenColumnWhateverTheOrderFound() {
    Diagnostics d = new Diagnostics();
    d.error("DRS045", at(12, 7), "late", null);
    d.error("DRS011", at(3, 1), "early", null);
    d.warning("DRS100", at(12, 3), "middle", null);
    d.error("DRS021", at(9, 15), "before", null);

    assertEquals(List.of("early", "before", "middle", "late"), d.sorted().stream().map(Diagnostic::message).toList());
  }

  @Test
  void ordersColumnsNumericallyNotAsText() {
    Diagnostics d = new Diagnostics();
    d.error("DRS045", at(10, 100), "far", null);
    d.error("DRS045", at(10, 9), "near", null);

    assertEquals(List.of("near", "far"), d.sorted().stream().map(Diagnostic::message).toList());
  }

  @Test
  void reportsAFactNoticedByTwoRulesOnce() {
    Diagnostics d = new Diagnostics();
    d.error("DRS077", at(5, 5), "overlap", "fix");
    d.error("DRS077", at(5, 5), "overlap", "fix");

    assertEquals(1, d.sorted().size());
  }

  @Test
  void tellsErrorsFromWarnings() {
    Diagnostics d = new Diagnostics();
    assertFalse(d.hasErrors());
    d.warning("DRS103", at(1, 1), "advice", null);
    assertTrue(d.hasWarnings());
    assertFalse(d.hasErrors());
    d.error("DRS020", at(1, 1), "bad", null);
    assertTrue(d.hasErrors());
  }

  @Test
  void formatsOneLineWithFileLineColumnSeverityAndHint() {
    assertEquals(
        "topology.yaml:12:7: error: CIDR 10.10.0.1/16 has host bits set (hint: did you mean 10.10.0.0/16?)",
        new Diagnostic(Severity.ERROR, "DRS048", "CIDR 10.10.0.1/16 has host bits set", "did you mean 10.10.0.0/16?", at(12, 7)).format());
    assertEquals("topology.yaml:1:1: warning: just so", new Diagnostic(Severity.WARNING, "DRS100", "just so", null, at(1, 1)).format());
  }

  @Test
  void showsControlAndInvisibleCharactersEscapedSoEachDiagnosticStaysOneHarmlessLine() {
    Diagnostic d = new Diagnostic(Severity.ERROR, "DRS011", "unknown key 'a\nb\u001b[2J\u202e\u0000'", "tab\there\r", at(1, 1));

    assertEquals("topology.yaml:1:1: error: unknown key 'a\\nb\\u001b[2J\\u202e\\u0000' (hint: tab\\there\\r)", d.format());
    assertEquals("東京 → 大阪 😀", Diagnostic.printable("東京 → 大阪 😀"), "printable text is left alone");
  }

  @Test
  void startsAFileAtLineOneColumnOne() {
    assertEquals("a/b.yaml:1:1", SourceLocation.startOf("a/b.yaml").toString());
  }
}
