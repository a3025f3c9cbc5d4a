package drslink.plan;

import java.util.List;
import java.util.Map;

/**
 * A Terraform expression as the plan decides it. Values from the topology only ever enter as {@link Str},
 * which the renderer escapes in one place; {@link Ref} holds expressions the planner itself builds from
 * validated names (addresses such as {@code data.aws_vpc.app.id}).
 */
public sealed interface Hcl permits Hcl.Str, Hcl.Ref, Hcl.Bool, Hcl.Num, Hcl.ListOf, Hcl.MapOf {

  record Str(String value) implements Hcl {}

  record Ref(String expression) implements Hcl {}

  record Bool(boolean value) implements Hcl {}

  record Num(long value) implements Hcl {}

  record ListOf(List<Hcl> items) implements Hcl {
    public ListOf {
      items = List.copyOf(items);
    }
  }

  /** Keys are written as quoted strings unless they are plain identifiers; entries keep the given order. */
  record MapOf(List<Map.Entry<String, Hcl>> entries) implements Hcl {
    public MapOf {
      entries = List.copyOf(entries);
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
