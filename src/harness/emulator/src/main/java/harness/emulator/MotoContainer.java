package harness.emulator;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * moto with the AWS rules and the DRS stand-in ({@link MotoLauncher}), in the style of
 * Testcontainers' modules: {@code new MotoContainer(image).start()}, then {@link #endpoint()}.
 * The image needs python3 with moto (and boto3) installed; the launcher files are copied in.
 *
 * <p>The container uses the host network and listens on 127.0.0.1 only, so a tool run on the host
 * or in another host-network container reaches it on the same address, and nothing off the
 * machine can. Readiness: moto answers its {@code /moto-api/data.json}.
 */
public class MotoContainer extends GenericContainer<MotoContainer> {

  static final String FOLDER = "/opt/harness-moto/";

  private final int port;

  /** On a free 127.0.0.1 port. */
  public MotoContainer(DockerImageName image) {
    this(image, MotoServer.freeLoopbackPort());
  }

  public MotoContainer(DockerImageName image, int port) {
    super(image);
    this.port = port;
    for (String f : MotoLauncher.FILES) {
      withCopyFileToContainer(
          MountableFile.forClasspathResource(MotoLauncher.RESOURCE_FOLDER + f, 0644), FOLDER + f);
    }
    withNetworkMode("host");
    withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("python3"));
    withCommand(FOLDER + MotoLauncher.LAUNCHER, "-H", "127.0.0.1", "-p", String.valueOf(port));
    waitingFor(new MotoAnswers());
  }

  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT}: every service, every region. */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** Polls moto over HTTP on the host's loopback (no mapped port: host network). */
  private final class MotoAnswers extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      java.net.http.HttpClient http =
          java.net.http.HttpClient.newBuilder()
              .proxy(java.net.http.HttpClient.Builder.NO_PROXY)
              .connectTimeout(java.time.Duration.ofSeconds(2))
              .build();
      java.net.http.HttpRequest req =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(endpoint() + "/moto-api/data.json"))
              .timeout(java.time.Duration.ofSeconds(5))
              .GET()
              .build();
      long deadline = System.nanoTime() + startupTimeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (!isRunning()) {
          throw new IllegalStateException("moto exited during start:\n" + getLogs());
        }
        try {
          http.send(req, java.net.http.HttpResponse.BodyHandlers.discarding());
          return;
        } catch (java.io.IOException e) {
          MotoServer.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      throw new IllegalStateException(
          "moto did not answer on " + endpoint() + " within " + startupTimeout + ":\n" + getLogs());
    }
  }
}
