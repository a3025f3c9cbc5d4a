package drslink.plan;

import java.util.Objects;

/** One {@code name = value} line of a block. */
public record Argument(String name, Hcl value) {
  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (README "Performance"). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof Argument a && Objects.equals(name, a.name) && Objects.equals(value, a.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, value);
  }
}
