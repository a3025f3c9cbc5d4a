package drslink.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects problems so that one run reports all of them instead of stopping at the first. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();

  public void error(String code, SourceLocation at, String message, String hint) {
    items.add(new Diagnostic(Severity.ERROR, code, message, hint, at));
  }

  public void warning(String code, SourceLocation at, String message, String hint) {
    items.add(new Diagnostic(Severity.WARNING, code, message, hint, at));
  }

  public void addAll(Diagnostics other) {
    items.addAll(other.items);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Diagnostic::isError);
  }

  public boolean hasWarnings() {
    return items.stream().anyMatch(d -> !d.isError());
  }

  /** Sorted by location, duplicates removed: two rules may notice the same fact. */
  public List<Diagnostic> sorted() {
    return items.stream().distinct().sorted(Diagnostic.BY_LOCATION).toList();
  }
}
