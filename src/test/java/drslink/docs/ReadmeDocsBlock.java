package drslink.docs;

/**
 * The generated part of a module README, between the markers terraform-docs uses, so the hand-written
 * text around it is kept and either tool can maintain the block.
 */
final class ReadmeDocsBlock {
  static final String BEGIN = "<!-- BEGIN_TF_DOCS -->";
  static final String END = "<!-- END_TF_DOCS -->";

  private ReadmeDocsBlock() {}

  /** The README with its block replaced by {@code tables}; a README without markers gets the block at its end. */
  static String replace(String readme, String tables) {
    String block = BEGIN + "\n" + tables + END;
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 && end < 0) {
      return readme.stripTrailing() + "\n\n" + block + "\n";
    }
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the README has " + (begin < 0 ? "an END" : "a BEGIN") + " marker without its pair, or END before BEGIN");
    }
    return readme.substring(0, begin) + block + readme.substring(end + END.length());
  }
}
