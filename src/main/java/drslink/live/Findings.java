package drslink.live;

import drslink.diag.Severity;
import drslink.diag.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one preflight or verify run found, and how many checks held in each region. */
public final class Findings {
  private final List<Finding> items = new ArrayList<>();
  private final Map<String, Integer> passed = new TreeMap<>();
  private final Set<String> unreadable = new LinkedHashSet<>();

  /**
   * Runs one unit of checks (a path, a VPC, a DRS site); a read that fails ends only that unit: the
   * failure is kept, in one line, and the run goes on with the next unit.
   */
  void attempt(Runnable unit) {
    try {
      unit.run();
    } catch (Cloud.Unreadable e) {
      unreadable.add(e.getMessage());
    } catch (RuntimeException e) {
      // An answer the checks did not expect (a field left out, a shape AWS never sent before): this unit cannot be
      // judged, which is said in one line with where it happened; the other units and their findings stand, and
      // the result is incomplete (exit 6, a JSON document with status "unreadable") instead of an internal error.
      unreadable.add(unexpected(e));
    }
  }

  /** The one line for an answer the checks did not expect: the exception, its message and drslink's line. */
  static String unexpected(RuntimeException e) {
    StackTraceElement at = e.getStackTrace().length == 0 ? null : e.getStackTrace()[0];
    return "unexpected answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
        + (at == null ? "" : " at " + at.getFileName() + ":" + at.getLineNumber()) + "; this part was not judged (a bug in drslink: please report it with the output of -v)";
  }

  /** A failure of reading that happened outside any unit (the backstop of {@link LiveRun}). */
  void unreadable(String line) {
    unreadable.add(line);
  }

  /** What could not be read, one line each, in the order met: non-empty means the result is incomplete (exit 6). */
  public List<String> unreadable() {
    return List.copyOf(unreadable);
  }

  /** "unreadable" when part of the account could not be read, else "findings" when an error blocks, else "ok". */
  public String status() {
    if (!unreadable.isEmpty()) {
      return "unreadable";
    }
    return hasErrors() ? "findings" : "ok";
  }

  void error(String code, String region, String resource, SourceLocation at, String message, String hint) {
    items.add(new Finding(Severity.ERROR, code, region, resource, message, hint, at));
  }

  void warning(String code, String region, String resource, SourceLocation at, String message, String hint) {
    items.add(new Finding(Severity.WARNING, code, region, resource, message, hint, at));
  }

  /** A check that held; counted per region so the report can say what was proven, not only what failed. */
  void pass(String region) {
    passed.merge(region, 1, Integer::sum);
  }

  public List<Finding> sorted() {
    return items.stream().distinct().sorted(Finding.ORDER).toList();
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(Finding::isError);
  }

  public boolean hasWarnings() {
    return items.stream().anyMatch(f -> !f.isError());
  }

  /** Checks that held, by region. */
  public Map<String, Integer> passed() {
    return Map.copyOf(passed);
  }

  public int passedTotal() {
    return passed.values().stream().mapToInt(Integer::intValue).sum();
  }
}
