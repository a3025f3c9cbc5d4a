package harness.terraform;

/**
 * A tool (tofu, the generator) failed. The message carries the tool's own stderr so that a broken
 * template fails the suite with the tool's diagnostic, not with a bare exit code.
 */
public final class ToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_STDOUT_CHARS = 4000;

  private final transient CommandResult result;

  public ToolException(String what, CommandResult result) {
    super(describe(what, result));
    this.result = result;
  }

  public CommandResult result() {
    return result;
  }

  private static String describe(String what, CommandResult r) {
    StringBuilder b = new StringBuilder();
    b.append(what).append(" failed with exit code ").append(r.exitCode()).append('\n');
    b.append("command: ").append(String.join(" ", r.command())).append('\n');
    if (!r.stderr().isBlank()) {
      b.append("stderr:\n").append(r.stderr().strip()).append('\n');
    }
    if (!r.stdout().isBlank()) {
      String out = r.stdout().strip();
      // fmt -diff and plan print the useful part to stdout; keep the tail, which holds the error.
      if (out.length() > MAX_STDOUT_CHARS) {
        out = "...\n" + out.substring(out.length() - MAX_STDOUT_CHARS);
      }
      b.append("stdout:\n").append(out).append('\n');
    }
    return b.toString();
  }
}
