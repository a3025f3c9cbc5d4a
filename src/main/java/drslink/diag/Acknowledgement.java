package drslink.diag;

import java.util.regex.Pattern;

/**
 * A warning the topology's owner has looked at and accepts, written in the topology under {@code acknowledge:}
 * (docs/topology.md "Acknowledging a warning"): the warning's code, the one item it is about (a VPC, network,
 * account or replication name that the warning's message names) and why it is acceptable. It never covers a
 * code wholesale, and errors cannot be acknowledged.
 */
public record Acknowledgement(String code, String item, String reason, SourceLocation at) {

  /** Whether {@code d} is the warning this acknowledges: same code, and its message names the item as a whole word. */
  public boolean covers(Diagnostic d) {
    return !d.isError() && d.code().equals(code) && names(d.message(), item);
  }

  /** Names are [a-z0-9-]; "app" must not match inside "app-2" or "myapp". */
  static boolean names(String message, String item) {
    return Pattern.compile("(?<![a-z0-9-])" + Pattern.quote(item) + "(?![a-z0-9-])").matcher(message).find();
  }
}
