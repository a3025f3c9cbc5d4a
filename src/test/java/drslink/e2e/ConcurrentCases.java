package drslink.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Named;

/**
 * Runs one proof per topology on a few workers, each with its own moto server: cases never see each
 * other's objects, because each proof resets its moto first. Most of a case's time is the provider
 * waiting, so running them side by side is what keeps the suite inside CI's budget. Each test
 * invocation then asks {@link #outcome} for its own case. {@code -Ddrslink.e2e.parallelism=N} (default
 * 3) sets how many workers.
 */
final class ConcurrentCases implements AutoCloseable {
  static final String PARALLELISM_PROPERTY = "drslink.e2e.parallelism";

  /** What a suite proves of one topology, on a moto no other case uses meanwhile. */
  interface Proof {
    void prove(Named<Path> topology, MotoFixture moto) throws Exception;
  }

  private final List<MotoFixture> motos = new ArrayList<>();
  private final Map<Path, Future<?>> results = new LinkedHashMap<>();
  private final ExecutorService workers;

  /** Starts the motos and submits every case; returns at once. */
  ConcurrentCases(ToolRuntime runtime, ObjectMapper yaml, List<Named<Path>> cases, Proof proof) {
    int n = Math.max(1, Math.min(Integer.getInteger(PARALLELISM_PROPERTY, 3), cases.size()));
    BlockingQueue<MotoFixture> idle = new ArrayBlockingQueue<>(n);
    try {
      for (int i = 0; i < n; i++) {
        MotoFixture m = new MotoFixture(runtime.startMoto(), yaml);
        motos.add(m);
        idle.add(m);
      }
    } catch (RuntimeException e) {
      closeMotos();
      throw e;
    }
    workers = Executors.newFixedThreadPool(n);
    for (Named<Path> c : cases) {
      results.put(
          c.getPayload(),
          workers.submit(
              () -> {
                MotoFixture moto = idle.take();
                try {
                  proof.prove(c, moto);
                } finally {
                  idle.add(moto);
                }
                return null;
              }));
    }
    workers.shutdown();
  }

  /** Waits for one case and rethrows what its proof threw. */
  void outcome(Path topology) throws Throwable {
    try {
      results.get(topology).get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
  }

  /** Waits for the cases still running (each cleans up after itself), then stops the motos. */
  @Override
  public void close() throws InterruptedException {
    if (!workers.awaitTermination(30, TimeUnit.MINUTES)) {
      workers.shutdownNow();
    }
    closeMotos();
  }

  private void closeMotos() {
    List<AutoCloseable> all = new ArrayList<>();
    for (MotoFixture m : motos) {
      all.add(m);
      all.add(m.server());
    }
    Closer.closeAll(all.toArray(AutoCloseable[]::new));
  }
}
