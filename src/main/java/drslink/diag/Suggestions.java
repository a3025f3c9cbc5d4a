package drslink.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelled keys, names and regions. */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate within a third of the word's length (at least two edits), if any. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    int allowed = Math.max(2, word.length() / 3);
    return candidates.stream()
        .filter(c -> distance(word, c) <= allowed)
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(Comparator.naturalOrder()));
  }

  /** " (did you mean 'x'?)" or the empty string; ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
