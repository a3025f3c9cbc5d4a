package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * The topology's tags as AWS takes them (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html):
 * at most 50 per resource, drslink's own keys included; keys of 1-128 and values of 0-256 Unicode characters;
 * no key starting with the reserved {@code aws:} in any case; keys and values of letters, digits, spaces and
 * {@code _.:/=+-@} only. drslink's own keys replace the user's.
 */
final class TagsRule implements Rule {
  static final int MAX_TAGS = 50;

  private static final String ALLOWED_HINT = "use only letters, digits, spaces and _ . : / = + - @";

  /** main.tf.ftl's local.tags adds these to every resource. */
  static final List<String> ALWAYS_ADDED = List.of("ManagedBy", "DrslinkTopology");

  /** Each module adds Name to the resources it names; each DRS template adds DrslinkStagingVpc to its staging resources. */
  static final Map<String, String> WHERE_ADDED =
      Map.of("Name", "each resource it names (<topology>-<vpc>-<purpose>)", "DrslinkStagingVpc", "the staging resources of each DRS template");

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    t.tags().forEach((key, value) -> shape(key, value, d));
    count(t, d);
    t.tags().forEach(
        (key, value) -> {
          String where = ALWAYS_ADDED.contains(key) ? "every resource" : WHERE_ADDED.get(key);
          if (where != null) {
            d.warning(
                "DRS117",
                value.at(),
                "drslink sets the tag " + key + " on " + where + ", replacing the value '" + value.value() + "' given here",
                "remove " + key + " from tags, or use another key");
          }
          invisible(key, value, d);
        });
  }

  private static void shape(String key, Located<String> value, Diagnostics d) {
    // AWS counts Unicode characters; Java's length() counts UTF-16 units, two for a character beyond U+FFFF.
    int keyLength = key.codePointCount(0, key.length());
    if (keyLength == 0 || keyLength > 128) {
      d.error("DRS049", value.at(), "tag key '" + key + "' must be 1-128 characters", "shorten the key");
    } else if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
      d.error("DRS049", value.at(), "tag key '" + key + "' uses the reserved prefix aws:", "choose a key that does not start with aws:");
    }
    if (value.value().codePointCount(0, value.value().length()) > 256) {
      d.error("DRS049", value.at(), "the value of tag '" + key + "' is longer than 256 characters", "shorten the value");
    }
    refused(key).ifPresent(c -> d.error("DRS049", value.at(), "tag key '" + key + "' contains " + describe(c) + ", which AWS does not allow in tags", ALLOWED_HINT));
    refused(value.value())
        .ifPresent(c -> d.error("DRS049", value.at(), "the value of tag '" + key + "' contains " + describe(c) + ", which AWS does not allow in tags", ALLOWED_HINT));
  }

  /**
   * The first character outside what the tagging APIs take: their pattern is {@code ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$}
   * for keys and values alike (Resource Groups Tagging API and every service drslink tags through, e.g.
   * https://docs.aws.amazon.com/workspaces-web/latest/APIReference/API_Tag.html; in prose, "Tag naming limits and
   * requirements" of https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). EC2 alone takes any
   * character, but the same tags go to Route 53, Route 53 Resolver and DRS, which refuse the rest at apply.
   */
  static OptionalInt refused(String text) {
    return text.codePoints().filter(c -> !allowed(c)).findFirst();
  }

  private static boolean allowed(int c) {
    // An unpaired surrogate is the reader's error already (DRS134).
    if ("_.:/=+-@".indexOf(c) >= 0 || Character.getType(c) == Character.SURROGATE) {
      return true;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    };
  }

  private static String describe(int c) {
    String name = Character.getName(c);
    return String.format("U+%04X", c) + (name == null ? "" : " (" + name + ")");
  }

  /** The 50 count per resource: the user's keys plus each key drslink adds that the user did not already set. */
  private static void count(Topology t, Diagnostics d) {
    Set<String> keys = new TreeSet<>(t.tags().keySet());
    keys.addAll(ALWAYS_ADDED);
    keys.add("Name");
    // Every (account, region) that receives replication gets a template, unless all its settings say manage_template: false.
    if (t.replications().stream().anyMatch(r -> r.settings() == null || r.settings().managed())) {
      keys.add("DrslinkStagingVpc");
    }
    if (keys.size() <= MAX_TAGS) {
      return;
    }
    Set<String> added = new TreeSet<>(keys);
    added.removeAll(t.tags().keySet());
    Located<String> last = t.tags().values().stream().max(Comparator.comparing(Located::at)).orElseThrow();
    d.error(
        "DRS116",
        last.at(),
        "tags has " + t.tags().size() + " keys, and with drslink's own " + String.join(", ", added) + " a resource would carry " + keys.size() + " tags; AWS allows at most " + MAX_TAGS + " per resource",
        "remove " + (keys.size() - MAX_TAGS) + " of the tags; drslink's own keys count toward the " + MAX_TAGS);
  }

  /**
   * Bidirectional embeddings, overrides, isolates and marks reorder or hide text, so a tag reads differently
   * in a console or review from what it is (CVE-2021-42574, "Trojan Source"). AWS refuses them as well
   * ({@link #refused}); this says why they matter beyond that.
   */
  private static void invisible(String key, Located<String> value, Diagnostics d) {
    (key + value.value())
        .codePoints()
        .filter(TagsRule::isInvisibleControl)
        .findFirst()
        .ifPresent(
            c ->
                d.warning(
                    "DRS118",
                    value.at(),
                    String.format("tag '%s' contains the bidirectional control character U+%04X (%s): consoles and reviews show the tag differently from what it is", key, c, Character.getName(c)),
                    "remove the character from the tag's key and value"));
  }

  static boolean isInvisibleControl(int c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F;
  }
}
