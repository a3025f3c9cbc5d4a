package drslink.cli;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.diag.Severity;
import drslink.pipeline.Loaded;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics to stderr, one line each, sorted by location; warnings become errors under --strict.
 * On a terminal, or with --verbose, the offending YAML line is shown under each one with a caret.
 */
final class DiagnosticPrinter {
  private DiagnosticPrinter() {}

  static void print(Loaded loaded, CommonOptions options, PrintWriter err) {
    print(loaded.diagnostics(), loaded.sourceLines(), options, Terminal.detect(), err);
  }

  static void print(Diagnostics diagnostics, List<String> source, CommonOptions options, Terminal terminal, PrintWriter err) {
    boolean showSource = terminal.interactive() || options.verbosity() > 0;
    for (Diagnostic d : diagnostics.sorted()) {
      if (options.quiet() && !d.isError() && !options.strict()) {
        continue;
      }
      Diagnostic shown = options.strict() && !d.isError() ? new Diagnostic(Severity.ERROR, d.code(), d.message() + " [--strict]", d.hint(), d.location()) : d;
      String line = shown.format();
      String label = ": " + shown.severity().label() + ":";
      line = line.replaceFirst(java.util.regex.Pattern.quote(label), java.util.regex.Matcher.quoteReplacement(": " + (shown.isError() ? terminal.red(shown.severity().label()) : terminal.yellow(shown.severity().label())) + ":"));
      err.println(line);
      int lineNumber = d.location().line();
      if (showSource && lineNumber >= 1 && lineNumber <= source.size()) {
        // The raw line could carry escape sequences meant for the terminal; show them inert.
        String text = source.get(lineNumber - 1).replace('\t', ' ').replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", "?");
        String gutter = String.format("%5d | ", lineNumber);
        err.println(gutter + text);
        err.println(" ".repeat(gutter.length() - 2) + "| " + " ".repeat(Math.max(0, Math.min(d.location().column() - 1, text.length()))) + "^");
      }
    }
    err.flush();
  }
}
