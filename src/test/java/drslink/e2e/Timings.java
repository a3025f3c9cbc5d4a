package drslink.e2e;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall-clock time per step of one case, printed at the end so slow steps are visible in CI. */
final class Timings {
  private final String label;
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private final long start = System.nanoTime();

  Timings(String label) {
    this.label = label;
  }

  <T> T time(String step, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      millis.merge(step, (System.nanoTime() - t0) / 1_000_000, Long::sum);
    }
  }

  void time(String step, Runnable work) {
    time(
        step,
        () -> {
          work.run();
          return null;
        });
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("[e2e] ").append(label).append(" timings:");
    millis.forEach(
        (k, v) -> b.append(' ').append(k).append('=').append(String.format("%.1fs", v / 1000.0)));
    b.append(" total=").append(String.format("%.1fs", (System.nanoTime() - start) / 1e9));
    return b.toString();
  }
}
