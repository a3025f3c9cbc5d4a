package harness.terraform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps each command's full output as {@code NN-<what>.log} in one folder, which outlives the root:
 * the place to read a whole apply log when a test failed.
 */
public final class CommandLog {
  private final Path dir;
  private final AtomicInteger commands = new AtomicInteger();

  public CommandLog(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** Writes the log; an I/O failure is reported on stderr, never fails the test. */
  public void keep(String what, CommandResult r, double seconds) {
    try {
      Files.createDirectories(dir);
      String name =
          String.format(
              "%02d-%s.log", commands.incrementAndGet(), what.replaceAll("[^a-zA-Z0-9-]+", "_"));
      Files.writeString(
          dir.resolve(name),
          "$ "
              + String.join(" ", r.command())
              + "\n# exit "
              + r.exitCode()
              + String.format(" after %.1fs%n", seconds)
              + "## stdout\n"
              + r.stdout()
              + "\n## stderr\n"
              + r.stderr());
    } catch (IOException e) {
      System.err.println("[terraform] could not keep the log of " + what + ": " + e);
    }
  }
}
