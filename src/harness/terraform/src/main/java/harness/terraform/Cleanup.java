package harness.terraform;

import java.util.Arrays;
import java.util.List;

/** Closes resources in the order given, every one of them even when one fails, and throws the first failure. */
public final class Cleanup {
  private Cleanup() {}

  /** Nulls are skipped: a fixture that failed to start has nothing to close. */
  public static void closeAll(AutoCloseable... resources) {
    closeAll(Arrays.asList(resources));
  }

  public static void closeAll(List<? extends AutoCloseable> resources) {
    RuntimeException first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("cleanup failed: " + e, e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
