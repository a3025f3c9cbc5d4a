package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ScannersIT's wait for the scanner build that scripts/test.sh runs beside the tests. */
class DeferredScannerBuildTest {

  @TempDir Path dir;

  @Test
  void aBuildThatEndsWhileWaitingLetsTheSuiteGoOn() throws Exception {
    Path status = dir.resolve("scanners.rc");
    CompletableFuture<Void> build =
        CompletableFuture.runAsync(
            () -> {
              sleep(300);
              write(status, "0\n");
            });
    assertDoesNotThrow(() -> DeferredScannerBuild.awaitStatus(status, null, Duration.ofSeconds(30), Duration.ofMillis(20)));
    build.join();
  }

  @Test
  void aFailedBuildFailsTheSuiteWithItsLog() throws IOException {
    Path status = Files.writeString(dir.resolve("scanners.rc"), "1\n");
    Path log = Files.writeString(dir.resolve("scanners-go.log"), "go: downloading x\ntrivy: compile error in pkg/y\n");
    MissingToolException e =
        assertThrows(
            MissingToolException.class,
            () -> DeferredScannerBuild.awaitStatus(status, log, Duration.ofSeconds(1), Duration.ofMillis(10)));
    assertTrue(e.getMessage().contains("their build failed (exit 1)"), e.getMessage());
    assertTrue(e.getMessage().contains("trivy: compile error in pkg/y"), e.getMessage());
  }

  @Test
  void aBuildThatNeverEndsFailsAfterTheLimit() {
    MissingToolException e =
        assertThrows(
            MissingToolException.class,
            () ->
                DeferredScannerBuild.awaitStatus(
                    dir.resolve("never.rc"), null, Duration.ofMillis(100), Duration.ofMillis(10)));
    assertTrue(e.getMessage().contains("did not finish within"), e.getMessage());
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(Path p, String s) {
    try {
      Files.writeString(p, s);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
