package drslink.live;

import drslink.diag.Severity;
import drslink.diag.SourceLocation;
import java.util.Comparator;

/**
 * One fact about the live account that does not match the topology: how bad, a stable code, the
 * region it is in, the AWS resource id, what is wrong, where the topology names it and how to fix it.
 */
public record Finding(Severity severity, String code, String region, String resource, String message, String hint, SourceLocation location) {

  static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::region).thenComparing(Finding::location).thenComparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::resource).thenComparing(Finding::message);

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code FILE:LINE:COL: error: CODE RESOURCE: what is wrong (hint: how to fix)}: one line, like validate's. */
  public String format() {
    return location + ": " + severity.label() + ": " + code + " " + resource + ": " + oneLine(message) + (hint == null ? "" : " (hint: " + oneLine(hint) + ")");
  }

  static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069]", "?");
  }
}
