package drslink.testing;

import drslink.cli.Drslink;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in-process with captured output, as tflint's integration tests do, and as the jar does. */
public record CliRun(int exitCode, String out, String err) {
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Drslink.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Through the whole command tree, as {@code help} and top-level usage errors are run. */
  public static CliRun ofWholeTree(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Drslink.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
