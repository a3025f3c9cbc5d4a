package drslink.diag;

/** A warning together with the reason the topology gives for accepting it; the plan shows both. */
public record Acknowledged(Diagnostic warning, String reason) {
  public String format() {
    return warning.format() + " [acknowledged: " + Diagnostic.printable(reason) + "]";
  }
}
