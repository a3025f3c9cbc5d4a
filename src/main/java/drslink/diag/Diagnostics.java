package drslink.diag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects problems so that one run reports all of them instead of stopping at the first. */
public final class Diagnostics {
  private final List<Diagnostic> items = new ArrayList<>();
  private final List<Acknowledged> acknowledged = new ArrayList<>();

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

  /**
   * Moves every warning an acknowledgement covers out of the findings (so {@code --strict} passes) into
   * {@link #acknowledged()}. An acknowledgement that covers no warning is itself a warning (DRS018): the problem
   * is gone or the entry is mistyped, and a stale entry must not silently cover a later warning. One that names
   * an error is an error (DRS019): only warnings can be accepted.
   */
  public void acknowledge(List<Acknowledgement> acknowledgements) {
    for (Acknowledgement a : acknowledgements) {
      if (!a.code().matches("DRS\\d{3}")) {
        this.error("DRS019", a.at(), "'" + a.code() + "' is not a diagnostic code", "write the code as printed with the warning, e.g. DRS228");
        continue;
      }
      if (a.reason().isBlank()) {
        this.error("DRS019", a.at(), "the reason of the acknowledge entry for " + a.code() + " about " + a.item() + " is empty", "say why the warning is acceptable; plan shows it to reviewers");
        continue;
      }
      List<Diagnostic> covered = distinct(items).stream().filter(a::covers).toList();
      boolean namesError = items.stream().anyMatch(d -> d.isError() && d.code().equals(a.code()) && Acknowledgement.names(d.message(), a.item()));
      if (namesError) {
        this.error("DRS019", a.at(), a.code() + " about " + a.item() + " is an error; only warnings can be acknowledged", "fix the topology instead, and remove this acknowledge entry");
      } else if (covered.isEmpty()) {
        this.warning("DRS018", a.at(), "acknowledge entry for " + a.code() + " about " + a.item() + " matches no warning", "remove the entry, or correct its code and item to those of the warning (item: a name the warning's message mentions)");
      }
      items.removeIf(a::covers); // covered, and any duplicate of it
      covered.forEach(d -> acknowledged.add(new Acknowledged(d, a.reason())));
    }
  }

  /** The acknowledged warnings, sorted by location. */
  public List<Acknowledged> acknowledged() {
    Map<String, Acknowledged> distinct = new LinkedHashMap<>();
    acknowledged.forEach(a -> distinct.putIfAbsent(key(a.warning()) + " " + a.reason(), a));
    return distinct.values().stream().sorted(Comparator.comparing(Acknowledged::warning, Diagnostic.BY_LOCATION)).toList();
  }

  /** Sorted by location, duplicates removed: two rules may notice the same fact. */
  public List<Diagnostic> sorted() {
    return distinct(items).stream().sorted(Diagnostic.BY_LOCATION).toList();
  }

  /**
   * The first of each duplicate, in order. A duplicate is the same code printing the same line; keyed by that text
   * rather than by the record's generated {@code hashCode}, which is linked on first use and cost a one-source {@code
   * generate} about 10 ms (docs/performance.md).
   */
  private static List<Diagnostic> distinct(List<Diagnostic> diagnostics) {
    Map<String, Diagnostic> distinct = new LinkedHashMap<>();
    diagnostics.forEach(d -> distinct.putIfAbsent(key(d), d));
    return List.copyOf(distinct.values());
  }

  private static String key(Diagnostic d) {
    return d.code() + " " + d.format();
  }
}
