package harness.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.testcontainers.utility.DockerImageName;

/**
 * A running moto server on 127.0.0.1, started through {@link MotoLauncher} (moto plus the AWS rules
 * and the DRS stand-in): in a {@link MotoContainer} ({@link #startContainer}) or as a child process
 * of moto's own python ({@link #startLocal}). One server answers every AWS service and region on one
 * port.
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
  private volatile Path logDir;

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
   * On close, the whole output goes to {@code dir/moto-PORT.log}: an HTTP 500 from moto is explained
   * only by the traceback in there. Without it the output is dropped.
   */
  public final MotoServer keepOutputIn(Path dir) {
    this.logDir = dir;
    return this;
  }

  /** Called by {@link #close()} before the server goes away. */
  protected final void keepOutput() {
    Path dir = logDir;
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      String out = output();
      Files.writeString(dir.resolve("moto-" + port + ".log"), out);
      reportServerErrors(out);
    } catch (IOException | RuntimeException e) {
      System.err.println("[moto] could not keep the moto log: " + e);
    }
  }

  /**
   * Every call moto answered with an error so far, as the launcher logged it ("drslink-e2e:
   * ChangeResourceRecordSets /2013-04-01/... -> 400 InvalidChangeBatch"): what a test prints when a
   * failure needs the emulator's side of the story.
   */
  public final List<String> failedCalls() {
    try {
      return output().lines().filter(l -> l.startsWith(MotoLauncher.CALL_LOG_PREFIX)).toList();
    } catch (RuntimeException e) {
      return List.of("(no moto output: " + e + ")");
    }
  }

  /**
   * The SDK retries a call moto answered with a 5xx, and a retried write can meet its own first
   * attempt; the calls the launcher logged as failed with a 5xx, and the calls the SDK sent again,
   * go to the test's output, where CI shows them, not only to the kept log.
   */
  private void reportServerErrors(String out) {
    List<String> calls = out.lines().filter(l -> l.startsWith(MotoLauncher.CALL_LOG_PREFIX)).toList();
    List<String> errors = calls.stream().filter(l -> l.contains(" -> 5")).toList();
    if (!errors.isEmpty()) {
      System.err.println(
          "[moto] moto on port " + port + " answered " + errors.size() + " call(s) with a 5xx, first: "
              + errors.get(0));
    }
    List<String> resent = calls.stream().filter(l -> l.contains(MotoLauncher.SENT_AGAIN)).toList();
    if (!resent.isEmpty()) {
      System.err.println(
          "[moto] the SDK sent " + resent.size() + " call(s) to moto on port " + port + " again, first: " + resent.get(0));
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
   * Starts the launcher in a {@link MotoContainer} of {@code image} (python3 with moto installed)
   * on a free 127.0.0.1 port of the host network, and waits until it answers.
   */
  public static MotoServer startContainer(DockerImageName image) {
    return startWithRetries(() -> InContainer.start(image));
  }

  /**
   * Starts the launcher with {@code python} (a python3 with moto installed: moto's venv) as a child
   * process on a free 127.0.0.1 port, and waits until it answers.
   */
  public static MotoServer startLocal(Path python) {
    return startWithRetries(() -> Local.start(python));
  }

  /** A port nothing listens on right now. There is a race with other processes; starts retry. */
  public static int freeLoopbackPort() {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(false);
      s.bind(new InetSocketAddress("127.0.0.1", 0));
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port on 127.0.0.1", e);
    }
  }

  /** Starts a server, trying another port when the chosen one was taken in between. */
  private static <T extends MotoServer> T startWithRetries(Supplier<T> attempt) {
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

  public static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The launcher in a {@link MotoContainer}. */
  private static final class InContainer extends MotoServer {
    private final MotoContainer container;

    private InContainer(MotoContainer container) {
      super(container.port());
      this.container = container;
    }

    static InContainer start(DockerImageName image) {
      MotoContainer c = new MotoContainer(image, freeLoopbackPort());
      InContainer m = new InContainer(c);
      try {
        c.start();
        m.awaitReady();
        return m;
      } catch (RuntimeException e) {
        String logs = m.diagnostics();
        m.close();
        throw new IllegalStateException("moto container failed to start: " + e + "\n" + logs, e);
      }
    }

    @Override
    protected boolean isAlive() {
      return container.isRunning();
    }

    @Override
    protected String output() {
      return container.getLogs();
    }

    @Override
    public void close() {
      if (container.getContainerId() != null) {
        keepOutput();
      }
      container.close();
    }
  }

  /** The launcher as a child process of moto's python; killed on close. */
  private static final class Local extends MotoServer {
    private final Process process;
    private final Path log;

    private Local(int port, Process process, Path log) {
      super(port);
      this.process = process;
      this.log = log;
    }

    static Local start(Path python) {
      if (!Files.isExecutable(python)) {
        throw new IllegalArgumentException("not an executable python: " + python);
      }
      int port = freeLoopbackPort();
      try {
        Path log = Files.createTempFile("harness-moto", ".log");
        ProcessBuilder pb =
            new ProcessBuilder(
                    python.toString(),
                    MotoLauncher.extracted().toString(),
                    "-H",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // moto answers on loopback; no profile or proxy of the host may reach it.
        pb.environment()
            .keySet()
            .removeIf(
                k ->
                    k.startsWith("AWS_")
                        || k.equalsIgnoreCase("http_proxy")
                        || k.equalsIgnoreCase("https_proxy")
                        || k.equalsIgnoreCase("no_proxy")
                        || k.equalsIgnoreCase("all_proxy"));
        Local m = new Local(port, pb.start(), log);
        try {
          m.awaitReady();
        } catch (RuntimeException e) {
          m.close();
          throw e;
        }
        return m;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start moto with " + python, e);
      }
    }

    @Override
    protected boolean isAlive() {
      return process.isAlive();
    }

    @Override
    protected String output() {
      try {
        return Files.readString(log, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      keepOutput();
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        try {
          Files.deleteIfExists(log);
        } catch (IOException ignored) {
          // a leftover log in the temp folder is harmless
        }
      }
    }
  }
}
