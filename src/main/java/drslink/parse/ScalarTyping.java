package drslink.parse;

import drslink.parse.YNode.ScalarKind;
import java.math.BigInteger;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * What a scalar is (string, number, boolean, null), decided as jackson-dataformat-yaml 2.x decides it
 * ({@code YAMLParser._decodeScalar}), which every invalid case pins: SnakeYAML's YAML 1.1 resolver on untagged and
 * {@code !} scalars, then Jackson's own checks (yes/no/on/off are booleans, a number that does not decode is an
 * error, 60-base numbers are strings). Explicit tags are refused by {@link YamlTreeReader}; for them the kind follows
 * the tag as Jackson reads it, so that a refused tag adds one error and changes nothing else.
 */
final class ScalarTyping {
  private static final String YAML_TAG = "tag:yaml.org,2002:";

  private final Resolver resolver = new Resolver();

  /** A scalar that YAML types as a number but that no number reader accepts; said where the scalar ends. */
  static final class BadNumber extends Exception {
    private static final long serialVersionUID = 1L;

    BadNumber(String message) {
      super(message, null, false, false);
    }
  }

  ScalarKind kind(ScalarEvent scalar) throws BadNumber {
    String value = scalar.getValue();
    String tag = scalar.getTag();
    if (tag == null || tag.equals("!")) {
      Tag resolved = resolver.resolve(NodeId.scalar, value, scalar.getImplicit().canOmitTagInPlainScalar());
      if (resolved == Tag.INT) {
        return integer(value);
      }
      if (resolved == Tag.FLOAT) {
        return ScalarKind.FLOAT;
      }
      if (resolved == Tag.BOOL) {
        return booleanWord(value) ? ScalarKind.BOOLEAN : ScalarKind.STRING;
      }
      return resolved == Tag.NULL ? ScalarKind.NULL : ScalarKind.STRING;
    }
    String named = tag.startsWith(YAML_TAG) ? tag.substring(YAML_TAG.length()).split(",", -1)[0] : tag;
    if (named.equals("bool")) {
      return booleanWord(value) ? ScalarKind.BOOLEAN : ScalarKind.STRING;
    }
    if (!value.isEmpty()) {
      switch (named) {
        case "int":
          return integer(value);
        case "float":
          return ScalarKind.FLOAT;
        case "null":
          return ScalarKind.NULL;
        default:
          break;
      }
    }
    return ScalarKind.STRING;
  }

  /** YAML 1.1 boolean words; SnakeYAML's resolver already limited the text to them. */
  private static boolean booleanWord(String value) {
    return switch (value.toLowerCase(java.util.Locale.ROOT)) {
      case "y", "n", "yes", "no", "on", "off", "true", "false" -> true;
      default -> false;
    };
  }

  /** A YAML 1.1 integer: decimal, 0b binary, 0x hex, 0-prefixed octal, with '_' anywhere; anything else is text. */
  private static ScalarKind integer(String value) throws BadNumber {
    int i = 0;
    int length = value.length();
    if (length > 0 && (value.charAt(0) == '-' || value.charAt(0) == '+')) {
      i = 1;
    }
    if (i == length) {
      return ScalarKind.STRING;
    }
    if (value.charAt(i) == '0') {
      if (++i == length) {
        return ScalarKind.INTEGER;
      }
      char c = value.charAt(i);
      return switch (c) {
        case 'b', 'B' -> radix(value, i + 1, 2);
        case 'x', 'X' -> radix(value, i + 1, 16);
        case '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '_' -> radix(value, i, 8);
        default -> ScalarKind.STRING;
      };
    }
    boolean underscores = false;
    for (; i < length; i++) {
      char c = value.charAt(i);
      if (c == '_') {
        underscores = true;
      } else if (c < '0' || c > '9') {
        return ScalarKind.STRING; // 60-base (1:30) and the like
      }
    }
    if (underscores) {
      String digits = value.replace("_", "");
      if (digits.startsWith("+")) {
        digits = digits.substring(1);
      }
      if (digits.isEmpty() || digits.equals("-")) {
        throw new BadNumber(String.format("Invalid number ('%s')", value));
      }
    }
    return ScalarKind.INTEGER;
  }

  private static ScalarKind radix(String value, int from, int base) throws BadNumber {
    String digits = value.substring(from).replace("_", "");
    try {
      // Short ones through Integer, as Jackson does, so that the message of an empty "0x_" reads the same.
      if (digits.length() <= 7) {
        Integer.parseInt(digits, base);
      } else {
        new BigInteger(digits, base);
      }
      return ScalarKind.INTEGER;
    } catch (NumberFormatException e) {
      throw new BadNumber(String.format("Invalid base-%d number ('%s'), problem: %s", base, digits, e.getMessage()));
    }
  }
}
