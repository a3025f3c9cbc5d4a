package drslink.render;

import drslink.plan.Hcl;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes plan expressions as HCL text: lists on one line, maps one entry per line at the given indent. */
public final class HclExpressions {
  private HclExpressions() {}

  public static String render(Hcl value, int indent) {
    if (value instanceof Hcl.Str s) {
      return HclStrings.quote(s.value());
    }
    if (value instanceof Hcl.Ref r) {
      return r.expression();
    }
    if (value instanceof Hcl.Bool b) {
      return Boolean.toString(b.value());
    }
    if (value instanceof Hcl.Num n) {
      return Long.toString(n.value());
    }
    if (value instanceof Hcl.ListOf l) {
      return l.items().stream().map(i -> render(i, indent)).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Hcl.MapOf m) {
      if (m.entries().isEmpty()) {
        return "{}";
      }
      String pad = "  ".repeat(indent + 1);
      StringBuilder out = new StringBuilder("{\n");
      for (Map.Entry<String, Hcl> e : m.entries()) {
        out.append(pad).append(HclStrings.key(e.getKey())).append(" = ").append(render(e.getValue(), indent + 1)).append('\n');
      }
      return out.append("  ".repeat(indent)).append('}').toString();
    }
    throw new AssertionError(value);
  }

  /** A map on one line, {@code { a = 1, b = [2] }}: for short values that read best as a table row. */
  public static String renderInline(Hcl.MapOf map) {
    return map.entries().stream()
        .map(e -> HclStrings.key(e.getKey()) + " = " + render(e.getValue(), 0))
        .collect(Collectors.joining(", ", "{ ", " }"));
  }
}
