package drslink.schema;

import java.util.regex.Pattern;

/**
 * Turns a validator regex into a JSON Schema {@code pattern}. The validator calls {@code matches()}, which
 * anchors implicitly, while JSON Schema searches (ECMA-262), so the text is anchored here. Java's
 * {@code \Q...\E} quoting (from {@link Pattern#quote}) has no ECMA-262 form and is spelled out as escapes.
 */
final class EcmaPattern {
  // ECMA-262's syntax characters: the only ones that may be escaped in Unicode mode, which editors use.
  private static final String SYNTAX_CHARACTERS = "\\^$.|?*+()[]{}/";

  private EcmaPattern() {}

  static String anchored(Pattern pattern) {
    return "^(?:" + unquote(pattern.pattern()) + ")$";
  }

  static String unquote(String regex) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < regex.length()) {
      int start = regex.indexOf("\\Q", at);
      if (start < 0) {
        out.append(regex, at, regex.length());
        break;
      }
      if (isEscaped(regex, start)) {
        out.append(regex, at, start + 2);
        at = start + 2;
        continue;
      }
      out.append(regex, at, start);
      int end = regex.indexOf("\\E", start + 2);
      String literal = regex.substring(start + 2, end < 0 ? regex.length() : end);
      for (char c : literal.toCharArray()) {
        out.append(SYNTAX_CHARACTERS.indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
      }
      at = end < 0 ? regex.length() : end + 2;
    }
    return out.toString();
  }

  /** A backslash before {@code \Q} makes it the literal text "\Q", not a quote. */
  private static boolean isEscaped(String regex, int backslash) {
    int count = 0;
    for (int i = backslash - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }
}
