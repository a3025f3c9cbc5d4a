package harness.terraform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a child process to completion with a time limit, capturing both streams. */
public final class Processes {
  private Processes() {}

  public static CommandResult run(ProcessBuilder pb, List<String> command, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("harness-out", ".log");
      err = Files.createTempFile("harness-err", ".log");
      pb.redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        // SIGTERM: tofu stops like on Ctrl-C and saves its state, so cleanup can still destroy.
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
          p.destroyForcibly().waitFor();
        }
        return new CommandResult(
            command,
            124,
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8)
                + "\n[harness] timed out after "
                + timeout);
      }
      return new CommandResult(
          command,
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException ignored) {
        // a leftover log file in the temp folder is harmless
      }
    }
  }
}
