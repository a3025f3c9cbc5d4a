package drslink.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aligns the {@code =} of consecutive attribute lines the way {@code terraform fmt} does, so templates can
 * write one space and the output still passes {@code fmt -check}. As in hclwrite, a line whose value opens
 * a bracket it does not close (a multi-line map) takes no part in alignment and ends the run.
 */
public final class HclFormatter {
  private static final Pattern ATTRIBUTE = Pattern.compile("^(\\s*)([A-Za-z_][A-Za-z0-9_.-]*|\"(?:[^\"\\\\]|\\\\.)*\")\\s*=\\s(.*)$");

  private HclFormatter() {}

  public static String align(String text) {
    String[] lines = text.split("\n", -1);
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = ATTRIBUTE.matcher(lines[i]);
      if (m.matches() && balanced(m.group(3))) {
        run.add(i);
      } else {
        flush(lines, run);
      }
    }
    flush(lines, run);
    return String.join("\n", lines);
  }

  private static void flush(String[] lines, List<Integer> run) {
    int width = 0;
    for (int i : run) {
      Matcher m = ATTRIBUTE.matcher(lines[i]);
      m.matches();
      width = Math.max(width, m.group(1).length() + m.group(2).length());
    }
    for (int i : run) {
      Matcher m = ATTRIBUTE.matcher(lines[i]);
      m.matches();
      String lead = m.group(1) + m.group(2);
      lines[i] = lead + " ".repeat(width - lead.length()) + " = " + m.group(3);
    }
    run.clear();
  }

  /** Whether the brackets outside string literals close on this line. */
  static boolean balanced(String value) {
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
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
