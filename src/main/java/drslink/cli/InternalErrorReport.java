package drslink.cli;

import java.io.PrintWriter;

/** A bug: one line, and the trace only at -vv. */
final class InternalErrorReport {
  private InternalErrorReport() {}

  static int print(Exception e, PrintWriter err, int verbosity) {
    err.println("drslink: internal error: " + e + " (this is a bug in drslink; rerun with -vv for the trace and report it)");
    if (verbosity >= 2) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.INTERNAL_ERROR;
  }
}
