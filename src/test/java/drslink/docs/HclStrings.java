package drslink.docs;

import java.util.List;

/** Turns attribute expressions, as {@link TerraformBlockReader} keeps them, into text for a table cell. */
final class HclStrings {
  private HclStrings() {}

  /** The text of a description: a quoted string or heredoc is decoded, anything else kept as written. */
  static String text(String expression) {
    if (isOneQuotedString(expression)) {
      return decode(expression);
    }
    if (expression.startsWith("<<")) {
      return heredocText(expression);
    }
    return oneLine(expression);
  }

  /** The value of a quoted HCL string, without its quotes and with its escapes resolved. */
  static String decode(String quoted) {
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < quoted.length() - 1; i++) {
      char c = quoted.charAt(i);
      if (c != '\\' || i + 1 >= quoted.length() - 1) {
        out.append(c);
        continue;
      }
      char next = quoted.charAt(++i);
      switch (next) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case 'u' -> {
          out.append((char) Integer.parseInt(quoted.substring(i + 1, i + 5), 16));
          i += 4;
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  /**
   * A multi-line expression (an object type, a map default) on one line: lines are trimmed and joined
   * with ", " where HCL separated items by a newline, so the result still reads as HCL.
   */
  static String oneLine(String expression) {
    List<String> lines = expression.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (out.length() > 0) {
        out.append(separator(out.charAt(out.length() - 1), line.charAt(0)));
      }
      out.append(line);
    }
    return out.toString();
  }

  private static String separator(char previousEnd, char nextStart) {
    if ("([".indexOf(previousEnd) >= 0 || ")]".indexOf(nextStart) >= 0) {
      return "";
    }
    if ("{,".indexOf(previousEnd) >= 0 || nextStart == '}') {
      return " ";
    }
    return ", ";
  }

  private static String heredocText(String heredoc) {
    List<String> lines = heredoc.lines().toList();
    // The first line is <<EOT or <<-EOT and the last the marker; <<- also strips the common indentation,
    // which a one-line cell drops anyway.
    return String.join(" ", lines.subList(1, lines.size() - 1).stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
  }

  private static boolean isOneQuotedString(String expression) {
    if (expression.length() < 2 || expression.charAt(0) != '"') {
      return false;
    }
    for (int i = 1; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i == expression.length() - 1;
      } else if (c == '{' && expression.charAt(i - 1) == '$') {
        return false; // a template: keep it as written
      }
    }
    return false;
  }
}
