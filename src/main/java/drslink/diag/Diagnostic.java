package drslink.diag;

import java.util.Comparator;

/**
 * One problem in the input: what is wrong, where, and how to fix it. The code is stable across releases
 * so that tools can match on it; the message may be reworded.
 */
public record Diagnostic(Severity severity, String code, String message, String hint, SourceLocation location) {

  public static final Comparator<Diagnostic> BY_LOCATION =
      Comparator.comparing(Diagnostic::location)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code FILE:LINE:COL: error: what is wrong (hint: how to fix)}. */
  public String format() {
    return location + ": " + severity.label() + ": " + message + (hint == null ? "" : " (hint: " + hint + ")");
  }
}
