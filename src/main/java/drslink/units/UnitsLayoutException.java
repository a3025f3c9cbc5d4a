package drslink.units;

/** The topology needs something the units layout cannot split yet; the message names it for the user. */
public final class UnitsLayoutException extends RuntimeException {
  public UnitsLayoutException(String message) {
    super(message);
  }
}
