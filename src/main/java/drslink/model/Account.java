package drslink.model;

import java.util.Objects;

/** An AWS account named in {@code accounts:}; {@code roleArn} is null when the pipeline's own credentials are used. */
public record Account(Located<String> name, Located<String> id, Located<String> roleArn) {
  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (README "Performance"). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof Account a && Objects.equals(name, a.name) && Objects.equals(id, a.id) && Objects.equals(roleArn, a.roleArn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, id, roleArn);
  }
}
