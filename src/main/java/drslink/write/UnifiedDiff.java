package drslink.write;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as {@code diff -u} prints it, 3 lines of context) between the committed file and what
 * the topology generates. Files are small, so a plain longest-common-subsequence table is enough.
 */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** {@code committed} or {@code generated} is null when the file is missing on that side. */
  static String of(String path, String committed, String generated) {
    List<String> a = lines(committed);
    List<String> b = lines(generated);
    List<String[]> edits = edits(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(committed == null ? "/dev/null" : "committed/" + path).append('\n');
    out.append("+++ ").append(generated == null ? "/dev/null" : "generated/" + path).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i)[0].equals(" ")) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int end = i;
      int lastChange = i;
      while (end < edits.size() && (end - lastChange) <= 2 * CONTEXT) {
        if (!edits.get(end)[0].equals(" ")) {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(edits.size(), lastChange + CONTEXT + 1);
      int oldStart = 1;
      int newStart = 1;
      for (int k = 0; k < start; k++) {
        if (!edits.get(k)[0].equals("+")) {
          oldStart++;
        }
        if (!edits.get(k)[0].equals("-")) {
          newStart++;
        }
      }
      int oldCount = 0;
      int newCount = 0;
      for (int k = start; k < end; k++) {
        if (!edits.get(k)[0].equals("+")) {
          oldCount++;
        }
        if (!edits.get(k)[0].equals("-")) {
          newCount++;
        }
      }
      out.append("@@ -").append(oldCount == 0 ? oldStart - 1 : oldStart).append(',').append(oldCount)
          .append(" +").append(newCount == 0 ? newStart - 1 : newStart).append(',').append(newCount).append(" @@\n");
      for (int k = start; k < end; k++) {
        out.append(edits.get(k)[0]).append(edits.get(k)[1]).append('\n');
      }
      i = end;
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }

  private static List<String[]> edits(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<String[]> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new String[] {" ", a.get(i++)});
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new String[] {"-", a.get(i++)});
      } else {
        edits.add(new String[] {"+", b.get(j++)});
      }
    }
    return edits;
  }
}
