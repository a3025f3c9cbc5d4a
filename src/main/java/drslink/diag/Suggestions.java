package drslink.diag;

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
        .min(Comparator.comparingInt((String c) -> distance(word, c)).thenComparing(Comparator.naturalOrder()));
  }

  /** " (did you mean 'x'?)" or the empty string; ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    return closest(word, candidates).map(c -> "did you mean '" + c + "'?").orElse("");
  }

  /**
   * Region codes by the place names of the AWS console ("Asia Pacific (Osaka)" is ap-northeast-3), lowercase,
   * from https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html. People write the city.
   */
  private static final java.util.Map<String, String> REGION_PLACES =
      java.util.Map.ofEntries(
          java.util.Map.entry("cape-town", "af-south-1"),
          java.util.Map.entry("hong-kong", "ap-east-1"),
          java.util.Map.entry("taipei", "ap-east-2"),
          java.util.Map.entry("tokyo", "ap-northeast-1"),
          java.util.Map.entry("seoul", "ap-northeast-2"),
          java.util.Map.entry("osaka", "ap-northeast-3"),
          java.util.Map.entry("mumbai", "ap-south-1"),
          java.util.Map.entry("hyderabad", "ap-south-2"),
          java.util.Map.entry("singapore", "ap-southeast-1"),
          java.util.Map.entry("sydney", "ap-southeast-2"),
          java.util.Map.entry("jakarta", "ap-southeast-3"),
          java.util.Map.entry("melbourne", "ap-southeast-4"),
          java.util.Map.entry("malaysia", "ap-southeast-5"),
          java.util.Map.entry("new-zealand", "ap-southeast-6"),
          java.util.Map.entry("thailand", "ap-southeast-7"),
          java.util.Map.entry("canada", "ca-central-1"),
          java.util.Map.entry("calgary", "ca-west-1"),
          java.util.Map.entry("frankfurt", "eu-central-1"),
          java.util.Map.entry("zurich", "eu-central-2"),
          java.util.Map.entry("stockholm", "eu-north-1"),
          java.util.Map.entry("milan", "eu-south-1"),
          java.util.Map.entry("spain", "eu-south-2"),
          java.util.Map.entry("ireland", "eu-west-1"),
          java.util.Map.entry("london", "eu-west-2"),
          java.util.Map.entry("paris", "eu-west-3"),
          java.util.Map.entry("tel-aviv", "il-central-1"),
          java.util.Map.entry("uae", "me-central-1"),
          java.util.Map.entry("bahrain", "me-south-1"),
          java.util.Map.entry("mexico", "mx-central-1"),
          java.util.Map.entry("sao-paulo", "sa-east-1"),
          java.util.Map.entry("virginia", "us-east-1"),
          java.util.Map.entry("n-virginia", "us-east-1"),
          java.util.Map.entry("ohio", "us-east-2"),
          java.util.Map.entry("california", "us-west-1"),
          java.util.Map.entry("n-california", "us-west-1"),
          java.util.Map.entry("oregon", "us-west-2"));

  /**
   * " did you mean 'ap-northeast-3'?" for a place name such as "osaka", "Osaka" or "sao paulo" (also slightly
   * misspelled), else the closest region code, else the empty string.
   */
  public static String didYouMeanRegion(String word, Collection<String> codes) {
    String place = word.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_.]+", "-");
    Optional<String> byPlace = closest(place, REGION_PLACES.keySet()).map(REGION_PLACES::get).filter(codes::contains);
    return byPlace.map(c -> "did you mean '" + c + "'? (regions are written as codes, not place names)").orElseGet(() -> didYouMean(word, codes));
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
