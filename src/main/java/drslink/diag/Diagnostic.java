package drslink.diag;

import java.util.Comparator;

/**
 * One problem in the input: what is wrong, where, and how to fix it. The code is stable across releases
 * so that tools can match on it; the message may be reworded.
 */
public record Diagnostic(Severity severity, String code, String message, String hint, SourceLocation location) {

  public static final Comparator<Diagnostic> BY_LOCATION =
      Comparator.comparing(Diagnostic::location).thenComparing(Diagnostic::severity).thenComparing(Diagnostic::code).thenComparing(Diagnostic::message);

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
