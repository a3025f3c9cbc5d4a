package drslink.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Terraform expression as the plan decides it. Values from the topology only ever enter as {@link Str},
 * which the renderer escapes in one place; {@link Ref} holds expressions the planner itself builds from
 * validated names (addresses such as {@code data.aws_vpc.app.id}).
 */
public sealed interface Hcl permits Hcl.Str, Hcl.Ref, Hcl.Bool, Hcl.Num, Hcl.ListOf, Hcl.MapOf {

  // The records' equals and hashCode are written out: generated ones link method handles on first use, which costs
  // more at start-up than planning a small topology (README "Performance"). RecordMethodsTest keeps them whole.

  record Str(String value) implements Hcl {
    @Override
    public boolean equals(Object o) {
      return o instanceof Str s && Objects.equals(value, s.value);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(value);
    }
  }

  record Ref(String expression) implements Hcl {
    @Override
    public boolean equals(Object o) {
      return o instanceof Ref r && Objects.equals(expression, r.expression);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(expression);
    }
  }

  record Bool(boolean value) implements Hcl {
    @Override
    public boolean equals(Object o) {
      return o instanceof Bool b && value == b.value;
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(value);
    }
  }

  record Num(long value) implements Hcl {
    @Override
    public boolean equals(Object o) {
      return o instanceof Num n && value == n.value;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(value);
    }
  }

  record ListOf(List<Hcl> items) implements Hcl {
    public ListOf {
      items = List.copyOf(items);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ListOf l && items.equals(l.items);
    }

    @Override
    public int hashCode() {
      return items.hashCode();
    }
  }

  /** Keys are written as quoted strings unless they are plain identifiers; entries keep the given order. */
  record MapOf(List<Map.Entry<String, Hcl>> entries) implements Hcl {
    public MapOf {
      entries = List.copyOf(entries);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MapOf m && entries.equals(m.entries);
    }

    @Override
    public int hashCode() {
      return entries.hashCode();
    }
  }

  static Str str(String value) {
    return new Str(value);
  }

  static Ref ref(String expression) {
    return new Ref(expression);
  }

  static ListOf strings(List<String> values) {
    return new ListOf(values.stream().map(v -> (Hcl) new Str(v)).toList());
  }
}
