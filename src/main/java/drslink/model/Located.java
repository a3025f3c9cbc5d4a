package drslink.model;

import drslink.diag.SourceLocation;
import java.util.Objects;

/** A value from the topology file together with where it was written. */
public record Located<T>(T value, SourceLocation at) {
  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (README "Performance"). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof Located<?> l && Objects.equals(value, l.value) && Objects.equals(at, l.at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, at);
  }
}
