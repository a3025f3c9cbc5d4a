package drslink.write;

/** The output folder could not be written; the message says which and why (exit code 4). */
public final class OutputException extends Exception {
  private static final long serialVersionUID = 1L;

  public OutputException(String message) {
    super(message);
  }

  public OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
