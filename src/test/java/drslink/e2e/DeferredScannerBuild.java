package drslink.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The tflint and trivy build that {@code scripts/test.sh} starts beside the tests on a machine that
 * has not built them yet ({@code DRSLINK_SCANNERS_PENDING} names the file its exit status lands
 * in). ScannersIT runs last and waits here; a failed or unfinished build fails the suite with the
 * build's log instead of a bare "not executable".
 */
final class DeferredScannerBuild {

  static final String PENDING_ENV = "DRSLINK_SCANNERS_PENDING";
  static final String LOG_ENV = "DRSLINK_SCANNERS_LOG";

  private DeferredScannerBuild() {}

  /** Returns at once when no build is pending; otherwise waits for it, at most {@code limit}. */
  static void awaitIfPending(Duration limit) {
    String pending = System.getenv(PENDING_ENV);
    if (pending == null || pending.isBlank()) {
      return;
    }
    awaitStatus(Path.of(pending), logOf(System.getenv(LOG_ENV)), limit, Duration.ofSeconds(5));
  }

  static void awaitStatus(Path status, Path log, Duration limit, Duration poll) {
    long t0 = System.nanoTime();
    if (!Files.exists(status)) {
      System.err.println(
          "[scanners] waiting for the tflint and trivy build started by scripts/test.sh" + (log == null ? "" : " (log: " + log + ")"));
    }
    while (!Files.exists(status)) {
      if (System.nanoTime() - t0 > limit.toNanos()) {
        throw new MissingToolException(
            "tflint and trivy: their build did not finish within " + limit.toMinutes() + " minutes" + tail(log));
      }
      sleep(poll);
    }
    String rc = read(status).strip();
    if (!rc.equals("0")) {
      throw new MissingToolException("tflint and trivy: their build failed (exit " + rc + ")" + tail(log));
    }
    long waited = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    if (waited > 0) {
      System.err.println("[scanners] the deferred scanner build finished; waited " + waited + " s for it");
    }
  }

  private static Path logOf(String env) {
    return env == null || env.isBlank() ? null : Path.of(env);
  }

  private static String tail(Path log) {
    if (log == null || !Files.isReadable(log)) {
      return "";
    }
    List<String> lines = read(log).lines().toList();
    return "; last lines of " + log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MissingToolException("tflint and trivy: cannot read " + p + ": " + e.getMessage());
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MissingToolException("tflint and trivy: interrupted while waiting for their build");
    }
  }
}
