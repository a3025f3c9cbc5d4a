package drslink.pipeline;

import java.util.List;
import java.util.Set;

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
    return new Waiver(Set.copyOf(List.of(commaSeparatedCodes.trim().split("\\s*,\\s*"))), note); // a code given twice is no error
  }

  boolean isEmpty() {
    return codes.isEmpty();
  }
}
