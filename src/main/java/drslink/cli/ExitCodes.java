package drslink.cli;

/** Every exit code drslink returns, in one place (README "Exit codes"). */
public final class ExitCodes {
  public static final int OK = 0;
  /** The topology has errors, warnings under --strict, or generation was refused. */
  public static final int INVALID_INPUT = 1;
  /** The command line itself is wrong (picocli's USAGE). */
  public static final int USAGE = 2;
  /** {@code check}: the committed output differs from what the topology generates. */
  public static final int STALE_OUTPUT = 3;
  /** The output folder could not be written. */
  public static final int CANNOT_WRITE = 4;
  /** {@code preflight} / {@code verify}: a finding blocks (an error, or a warning under --strict). */
  public static final int FINDINGS = 5;
  /** {@code preflight} / {@code verify}: the live account could not be read (credentials, permissions, network). */
  public static final int AWS_UNREADABLE = 6;
  /** A bug in drslink (EX_SOFTWARE). */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
