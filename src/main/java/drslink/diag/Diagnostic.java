package drslink.diag;

import drslink.util.Order;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem in the input: what is wrong, where, and how to fix it. The code is stable across releases
 * so that tools can match on it; the message may be reworded.
 */
public record Diagnostic(Severity severity, String code, String message, String hint, SourceLocation location) {

  public static final Comparator<Diagnostic> BY_LOCATION =
      Order.then(Order.by(Diagnostic::location), Order.by(Diagnostic::severity), Order.by(Diagnostic::code), Order.by(Diagnostic::message));

  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (docs/performance.md). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof Diagnostic d
        && severity == d.severity
        && Objects.equals(code, d.code)
        && Objects.equals(message, d.message)
        && Objects.equals(hint, d.hint)
        && Objects.equals(location, d.location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(severity, code, message, hint, location);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * {@code FILE:LINE:COL: error: what is wrong (hint: how to fix)}. Messages quote values from the file,
   * so control and invisible formatting characters are shown escaped: a key with a newline must not
   * break the one-line format, and an ESC sequence in a name must not reach the user's terminal.
   */
  public String format() {
    return location + ": " + severity.label() + ": " + printable(message) + (hint == null ? "" : " (hint: " + printable(hint) + ")");
  }

  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                  int type = Character.getType(c);
                  if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                    out.append(String.format("\\u%04x", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
