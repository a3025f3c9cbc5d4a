package harness.terraform;

import java.util.List;

/** What one tool invocation returned: the exact argv, its exit code and both output streams. */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {
  public CommandResult {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
