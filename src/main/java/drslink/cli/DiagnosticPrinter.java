package drslink.cli;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import java.io.PrintWriter;

/** Prints diagnostics one line each, sorted by location, to stderr; warnings become errors under --strict. */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void print(Diagnostics diagnostics, CommonOptions options, PrintWriter err) {
    boolean strict = options.strict;
    for (Diagnostic d : diagnostics.sorted()) {
      if (options.quiet && !d.isError() && !strict) {
        continue;
      }
      Diagnostic shown = strict && !d.isError() ? new Diagnostic(drslink.diag.Severity.ERROR, d.code(), d.message() + " [--strict]", d.hint(), d.location()) : d;
      err.println(shown.format());
    }
    err.flush();
  }
}
