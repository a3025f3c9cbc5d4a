package drslink.render;

/**
 * The one way a value from the topology becomes HCL text. Inside a quoted HCL string, a backslash, a quote
 * or a control character would end or corrupt the string, and {@code ${} or {@code %{} would start a
 * template interpolation or directive; each is escaped so the value reaches Terraform unchanged.
 */
public final class HclStrings {
  private HclStrings() {}

  public static String quote(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      char next = i + 1 < value.length() ? value.charAt(i + 1) : 0;
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '$' -> out.append(next == '{' ? "$$" : "$");
        case '%' -> out.append(next == '{' ? "%%" : "%");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** An object key: bare when it is an identifier, quoted otherwise. */
  public static String key(String key) {
    return isIdentifier(key) ? key : quote(key);
  }

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, by hand: called for every key of a 1,000-source root. */
  private static boolean isIdentifier(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
