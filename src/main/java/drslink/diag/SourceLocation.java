package drslink.diag;

import java.util.Objects;

/** Where a value stands in the topology file; lines and columns are 1-based, as editors count. */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

  public static SourceLocation startOf(String file) {
    return new SourceLocation(file, 1, 1);
  }

  @Override
  public int compareTo(SourceLocation other) {
    int byFile = file.compareTo(other.file);
    if (byFile != 0) {
      return byFile;
    }
    return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
  }

  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (docs/performance.md). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof SourceLocation s && line == s.line && column == s.column && Objects.equals(file, s.file);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, line, column);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
