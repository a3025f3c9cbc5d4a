package drslink.pipeline;

import java.util.Set;
import java.util.TreeSet;

/**
 * Diagnostic codes whose errors {@link Pipeline#load} turns into warnings, each marked with {@code note}. It exists for
 * the benchmark (scripts/bench.sh), whose peer peers more VPCs into one than AWS allows (DRS129); no command offers
 * it. The caller decides where it comes from: the command line reads it from one system property ({@code
 * cli/Services}), the library never does.
 */
public record Waiver(Set<String> codes, String note) {
  public static final Waiver NONE = new Waiver(Set.of(), "");

  public Waiver {
    codes = Set.copyOf(codes);
  }

  /** Comma-separated codes, blanks around them ignored; a blank list waives nothing. */
  public static Waiver of(String commaSeparatedCodes, String note) {
    if (commaSeparatedCodes == null || commaSeparatedCodes.isBlank()) {
      return NONE;
    }
    // A one-character split takes String's fast path, not a regular expression (about 7 ms of a benchmark run).
    Set<String> codes = new TreeSet<>(); // a code given twice is no error
    for (String code : commaSeparatedCodes.split(",")) {
      if (!code.isBlank()) {
        codes.add(code.strip());
      }
    }
    return new Waiver(codes, note);
  }

  boolean isEmpty() {
    return codes.isEmpty();
  }
}
