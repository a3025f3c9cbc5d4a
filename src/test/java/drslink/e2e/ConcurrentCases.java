package drslink.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import harness.terraform.Cleanup;
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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Named;

/**
 * Runs one proof per topology on a few workers, each with its own moto server: cases never see each
 * other's objects, because each proof resets its moto first. Most of a case's time is the provider
 * waiting, so running them side by side is what keeps the suite inside CI's budget. Each test
 * invocation then asks {@link #outcome} for its own case. {@code -Ddrslink.e2e.parallelism=N} sets how
 * many workers; the default is sized to memory ({@link #defaultWorkers}).
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
    int n = Math.max(1, Math.min(Integer.getInteger(PARALLELISM_PROPERTY, defaultWorkers()), cases.size()));
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
                  proveRetryingAWriteSentTwice(proof, c, moto);
                } finally {
                  idle.add(moto);
                }
                return null;
              }));
    }
    workers.shutdown();
  }

  /**
   * The error AWS (and moto) gives a create that meets an object of the same name: what a write the
   * SDK sent twice meets, when moto's answer to the first attempt was lost or a 5xx.
   */
  static final Pattern WRITE_SENT_TWICE =
      Pattern.compile("[A-Za-z.]*AlreadyExists[A-Za-z.]*|InvalidChangeBatch: Tried to create [^\\n]*already exists");

  /**
   * Runs the proof, and once more on its reset moto when the only failure is a create that met an
   * object of the same name. A CI run failed that way once (a Route 53 record that one resource alone
   * creates) with every call already applied one at a time (moto_e2e.py, fix 9): the SDK's retry of a
   * call whose answer moto had sent but the provider never got (reproduced, TESTING.md fix 9). A
   * template that really creates an object twice fails the same way again, so the second run keeps the
   * proof; the first failure and moto's failed calls are printed either way.
   */
  static void proveRetryingAWriteSentTwice(Proof proof, Named<Path> c, MotoFixture moto)
      throws Exception {
    Attempt run = () -> proof.prove(c, moto);
    try {
      onceMoreAfterAWriteSentTwice(
          c.getName(), run, run, () -> "moto's failed calls:%n  ".formatted() + String.join("\n  ", moto.server().failedCalls()));
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** A run of a test's body; a second run starts from nothing. */
  interface Attempt {
    void run() throws Throwable;
  }

  /**
   * The one rule for a write sent twice, for every suite that applies: {@code first}, and when its
   * only failure is a create that met its own name ({@link #writeSentTwice}), {@code again}; a failure
   * of that second run carries the first as suppressed. {@code evidence} is printed with the first
   * failure.
   */
  static void onceMoreAfterAWriteSentTwice(String name, Attempt first, Attempt again, Supplier<String> evidence)
      throws Throwable {
    try {
      first.run();
    } catch (Throwable failure) {
      String signature = writeSentTwice(failure);
      if (signature == null) {
        throw failure;
      }
      System.err.printf(
          "[e2e] %s: failed with %s, the sign of a write sent twice; %s%n[e2e] %s: running it once more%n",
          name, signature, evidence.get(), name);
      try {
        again.run();
      } catch (Throwable second) {
        second.addSuppressed(failure);
        throw second;
      }
    }
  }

  /** The matched error text, when {@code failure} or a cause says a create met its own name; else null. */
  static String writeSentTwice(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      Matcher m = WRITE_SENT_TWICE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) {
        return m.group();
      }
    }
    return null;
  }

  /** What one worker may hold at once: its moto, tofu and a provider process per alias (up to 7). */
  static final long BYTES_PER_WORKER = 1536L << 20;

  static final int MAX_DEFAULT_WORKERS = 6;

  /**
   * Sized to memory, not cores: a case mostly waits on the provider and moto, so workers beyond the
   * core count still shorten the run, while memory is what a worker really takes. MemAvailable
   * divided by {@link #BYTES_PER_WORKER}, between 2 and {@link #MAX_DEFAULT_WORKERS}.
   */
  static int defaultWorkers() {
    return workersFor(memAvailableBytes());
  }

  static int workersFor(long memAvailable) {
    if (memAvailable <= 0) {
      return 3; // unknown (no /proc/meminfo): what the suite always used
    }
    return (int) Math.max(2, Math.min(MAX_DEFAULT_WORKERS, memAvailable / BYTES_PER_WORKER));
  }

  private static long memAvailableBytes() {
    try {
      for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemAvailable:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // fall through
    }
    return -1;
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
    Cleanup.closeAll(all);
  }
}
