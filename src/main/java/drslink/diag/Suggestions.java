package drslink.diag;

import drslink.util.Order;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for misspelled keys, names and regions. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate, if any is close enough: one edit for words under five characters (two would let
   * "base" suggest "name"), otherwise a third of the word's length and at least two. Swapping two adjacent
   * letters counts as one edit.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    int allowed = word.length() < 5 ? 1 : Math.max(2, word.length() / 3);
    // The length check first: it bounds the distance from below, and keeps a hostile megabyte-long key
    // from costing a megabyte-by-candidate table.
    return candidates.stream()
        .filter(c -> Math.abs(word.length() - c.length()) <= allowed && distance(word, c) <= allowed)
        .min(Order.then(Order.byInt((String c) -> distance(word, c)), Comparator.naturalOrder()));
  }

  /** " (did you mean 'x'?)" or the empty string; ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
  }

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[] twoBack = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], twoBack[j - 2] + 1);
        }
      }
      int[] recycled = twoBack;
      twoBack = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
