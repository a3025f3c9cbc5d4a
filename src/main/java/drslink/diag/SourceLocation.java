package drslink.diag;

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

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
