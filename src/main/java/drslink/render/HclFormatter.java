package drslink.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligns the {@code =} of consecutive attribute lines the way {@code terraform fmt} does, so templates can
 * write one space and the output still passes {@code fmt -check}. As in hclwrite, a line whose value opens
 * a bracket it does not close (a multi-line map) takes no part in alignment and ends the run.
 *
 * <p>Both passes scan characters by hand rather than with regular expressions: a 1,000-source root is several
 * megabytes, and at start-up (interpreted code) the regular expressions cost more than all of the templates
 * (docs/performance.md).
 */
public final class HclFormatter {
  private HclFormatter() {}

  /**
   * The layout every generated file gets: LF only, no trailing spaces or tabs, no runs of blank lines, no leading or
   * trailing blank lines, one final newline. fmt's layout, and what keeps reviewers' diffs quiet.
   */
  public static String layout(String text) {
    String lf = text.replace("\r\n", "\n");
    StringBuilder out = new StringBuilder(lf.length() + 1);
    boolean blankPending = false;
    int from = 0;
    while (from <= lf.length()) {
      int newline = lf.indexOf('\n', from);
      int end = newline < 0 ? lf.length() : newline;
      int trimmed = end;
      while (trimmed > from && (lf.charAt(trimmed - 1) == ' ' || lf.charAt(trimmed - 1) == '\t')) {
        trimmed--;
      }
      if (trimmed == from) {
        blankPending = true;
      } else {
        if (out.length() > 0) {
          out.append(blankPending ? "\n\n" : "\n");
        }
        out.append(lf, from, trimmed);
        blankPending = false;
      }
      from = end + 1;
    }
    // concat copies a file of megabytes once; "+" would grow a StringBuilder to it twice first (-XDstringConcat=inline).
    return out.toString().strip().concat("\n");
  }

  public static String align(String text) {
    String[] lines = text.split("\n", -1);
    List<Attribute> run = new ArrayList<>();
    for (int index = 0; index < lines.length; index++) {
      Attribute attribute = Attribute.parse(lines[index], index);
      if (attribute != null && balanced(lines[index], attribute.valueStart)) {
        run.add(attribute);
      } else {
        flush(lines, run);
      }
    }
    flush(lines, run);
    return String.join("\n", lines);
  }

  private static void flush(String[] lines, List<Attribute> run) {
    int width = 0;
    int[] columns = new int[run.size()];
    for (int i = 0; i < run.size(); i++) {
      Attribute attribute = run.get(i);
      columns[i] = columns(lines[attribute.index], attribute.nameEnd);
      width = Math.max(width, columns[i]);
    }
    for (int i = 0; i < run.size(); i++) {
      Attribute attribute = run.get(i);
      String line = lines[attribute.index];
      lines[attribute.index] = line.substring(0, attribute.nameEnd) + " ".repeat(width - columns[i]) + " = " + line.substring(attribute.valueStart);
    }
    run.clear();
  }

  /**
   * The columns the first {@code end} characters of {@code line} take as fmt counts them: hclwrite's
   * {@code Tokens.Columns} counts grapheme clusters (go-textseg's ScanGraphemeClusters, UAX #29;
   * https://github.com/hashicorp/hcl/blob/main/hclwrite/tokens.go), not bytes, runes or UTF-16 units. So 𝒜 (two
   * UTF-16 units) and a Hangul syllable written as three jamo are one column each. Below U+0300 every character is
   * a cluster of its own, so the common ASCII key needs no regular expression.
   */
  static int columns(String line, int end) {
    for (int i = 0; i < end; i++) {
      if (line.charAt(i) >= 0x300) {
        Matcher clusters = Graphemes.PATTERN.matcher(line).region(0, end);
        int count = 0;
        while (clusters.find()) {
          count++;
        }
        return count;
      }
    }
    return end;
  }

  /** Java's extended grapheme cluster (UAX #29), as textseg splits; compiled on first use of a non-Latin key. */
  private static final class Graphemes {
    static final Pattern PATTERN = Pattern.compile("\\X");
  }

  /**
   * An attribute line: indentation, a name (an identifier or a quoted key), optional blanks, {@code =}, one blank, the
   * value. {@code nameEnd} is where the name ends, {@code valueStart} where the value begins.
   */
  private record Attribute(int index, int nameEnd, int valueStart) {
    static Attribute parse(String line, int index) {
      int i = 0;
      while (i < line.length() && isBlank(line.charAt(i))) {
        i++;
      }
      int nameEnd = name(line, i);
      if (nameEnd < 0) {
        return null;
      }
      int j = nameEnd;
      while (j < line.length() && isBlank(line.charAt(j))) {
        j++;
      }
      if (j + 1 >= line.length() || line.charAt(j) != '=' || !isBlank(line.charAt(j + 1))) {
        return null;
      }
      return new Attribute(index, nameEnd, j + 2);
    }

    /** The end of the identifier or quoted key at {@code start}, or -1 when there is none. */
    private static int name(String line, int start) {
      if (start >= line.length()) {
        return -1;
      }
      char first = line.charAt(start);
      if (first == '"') {
        for (int i = start + 1; i < line.length(); i++) {
          char c = line.charAt(i);
          if (c == '\\') {
            i++;
          } else if (c == '"') {
            return i + 1;
          }
        }
        return -1;
      }
      if (!(isLetter(first) || first == '_')) {
        return -1;
      }
      int i = start + 1;
      while (i < line.length() && (isLetter(line.charAt(i)) || isDigit(line.charAt(i)) || "_.-".indexOf(line.charAt(i)) >= 0)) {
        i++;
      }
      return i;
    }

    /** What {@code \s} is in HCL's and Java's sense on one line: space, tab, vertical tab, form feed, CR, LF. */
    private static boolean isBlank(char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isLetter(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  /** Whether the brackets outside string literals close on this line. */
  static boolean balanced(String value) {
    return balanced(value, 0);
  }

  private static boolean balanced(String line, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      }
    }
    return depth == 0;
  }
}
