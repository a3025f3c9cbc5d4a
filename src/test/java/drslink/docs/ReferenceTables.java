package drslink.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a Markdown reference whose header row is exactly the given column names, as rows of
 * cells. Only pipe tables are read: a header line, a separator line, then one row per line until the
 * first line that does not start with '|'. A pipe escaped as \| stays inside its cell.
 */
final class ReferenceTables {
  /** One body row: its cells in column order and its 1-based line in the file, for messages. */
  record Row(int line, List<String> cells) {
    String cell(int column) {
      return cells.get(column);
    }
  }

  private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");
  private static final Pattern ONE_CODE_SPAN = Pattern.compile("`([^`]+)`");

  private ReferenceTables() {}

  static List<Row> rows(String markdown, List<String> header) {
    List<String> lines = markdown.lines().toList();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (!isRow(lines.get(i)) || !cells(lines.get(i)).equals(header)) {
        continue;
      }
      for (int j = i + 2; j < lines.size() && isRow(lines.get(j)); j++) {
        List<String> cells = cells(lines.get(j));
        if (cells.size() != header.size()) {
          throw new IllegalArgumentException("line " + (j + 1) + ": " + cells.size() + " cells, the table has " + header.size() + " columns");
        }
        rows.add(new Row(j + 1, cells));
      }
    }
    return rows;
  }

  /** The text of a cell that is exactly one code span, e.g. `t3.small`; empty for anything else. */
  static Optional<String> codeSpan(String cell) {
    Matcher m = ONE_CODE_SPAN.matcher(cell);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean isRow(String line) {
    return line.startsWith("|");
  }

  private static List<String> cells(String line) {
    String inner = line.strip();
    inner = inner.substring(1, inner.endsWith("|") && !inner.endsWith("\\|") ? inner.length() - 1 : inner.length());
    return Arrays.stream(CELL_SEPARATOR.split(inner, -1)).map(String::strip).toList();
  }
}
