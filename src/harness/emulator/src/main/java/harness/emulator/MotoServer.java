package drslink.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A running moto server on 127.0.0.1. One serves every AWS service and region on one port, DRS
 * included (through the stand-in the launcher wraps around moto).
 */
public abstract class MotoServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  // moto is on loopback; never let a JVM-wide proxy setting route it elsewhere.
  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final int port;

  protected MotoServer(int port) {
    this.port = port;
  }

  public final int port() {
    return port;
  }

  public final String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Clears every service's state, DRS's too (moto's {@code POST /moto-api/reset}). */
  public final void reset() {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/reset"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new IllegalStateException(
            "moto reset answered " + res.statusCode() + ": " + res.body() + "\n" + diagnostics());
      }
    } catch (IOException e) {
      throw new IllegalStateException("moto reset failed: " + e + "\n" + diagnostics(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Everything the server printed so far (its request log and any tracebacks). */
  protected abstract String output();

  /** The tail of the output, for failure messages. */
  protected final String diagnostics() {
    try {
      String s = output();
      return "moto output (tail):\n" + s.substring(Math.max(0, s.length() - 4000));
    } catch (RuntimeException e) {
      return "(no moto output: " + e + ")";
    }
  }

  /**
   * Keeps the whole output in target/e2e-logs/moto-PORT.log before the server goes away: an HTTP
   * 500 from moto is explained only by the traceback in there.
   */
  protected final void keepOutput() {
    try {
      java.nio.file.Path dir = Workspace.projectDir().resolve("target/e2e-logs");
      java.nio.file.Files.createDirectories(dir);
      String out = output();
      java.nio.file.Files.writeString(dir.resolve("moto-" + port + ".log"), out);
      reportServerErrors(out);
    } catch (IOException | RuntimeException e) {
      System.err.println("[e2e] could not keep the moto log: " + e);
    }
  }

  /**
   * The SDK retries a call moto answered with a 5xx, and a retried write can meet its own first
   * attempt; the calls moto_e2e.py logged as failed with a 5xx go to the suite's output, where CI
   * shows them, not only to the kept log.
   */
  private void reportServerErrors(String out) {
    java.util.List<String> errors =
        out.lines().filter(l -> l.startsWith("drslink-e2e: ") && l.contains(" -> 5")).toList();
    if (!errors.isEmpty()) {
      System.err.println(
          "[e2e] moto on port " + port + " answered " + errors.size() + " call(s) with a 5xx, first: "
              + errors.get(0));
    }
  }

  protected abstract boolean isAlive();

  @Override
  public abstract void close();

  /** Polls until moto answers HTTP, or fails with the server's own output. */
  protected final void awaitReady() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(endpoint() + "/moto-api/data.json"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    while (Instant.now().isBefore(deadline)) {
      if (!isAlive()) {
        throw new IllegalStateException("moto_server exited during start\n" + diagnostics());
      }
      try {
        http.send(req, HttpResponse.BodyHandlers.discarding());
        return;
      } catch (IOException e) {
        sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException(
        "moto_server did not answer on "
            + endpoint()
            + " within "
            + START_TIMEOUT
            + "\n"
            + diagnostics());
  }

  /**
   * The launcher that runs moto_server with the suite's documented moto fixes, the AWS rules and the
   * DRS stand-in (src/test/resources/e2e/moto/moto_e2e.py, which imports aws_rules.py and
   * drs_standin.py from its own folder: ship the folder, not the file). It runs with moto's own python.
   */
  static java.nio.file.Path launcher() {
    java.nio.file.Path p =
        Workspace.projectDir().resolve("src/test/resources/e2e/moto/moto_e2e.py");
    if (!java.nio.file.Files.isRegularFile(p)) {
      throw new IllegalStateException("missing " + p);
    }
    return p;
  }

  /** A port nothing listens on right now. There is a race with other processes; starts retry. */
  static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }

  /** Starts a server, trying another port when the chosen one was taken in between. */
  static <T extends MotoServer> T startWithRetries(Supplier<T> attempt) {
    IllegalStateException last = null;
    for (int i = 0; i < 3; i++) {
      try {
        return attempt.get();
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
