package drslink.e2e;

/** A prerequisite of the e2e suite is absent. It fails the run; the suite never skips. */
public final class MissingToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MissingToolException(String what) {
    super("e2e prerequisite missing: " + what + "\nfix: " + ToolRuntime.INSTALL_HINT);
  }

  public MissingToolException(String what, Throwable cause) {
    super("e2e prerequisite missing: " + what + "\nfix: " + ToolRuntime.INSTALL_HINT, cause);
  }
}
