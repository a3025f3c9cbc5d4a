package drslink.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.DockerStatus;

/**
 * Default runtime: tofu and moto in the locally built images, through Testcontainers.
 *
 * <p>The engine runs with {@code --bridge=none}, so every container uses the host network and
 * reaches moto on 127.0.0.1. Ryuk is disabled (it would need a pulled image), so every container
 * started here is removed here, in a finally block.
 */
final class ContainerRuntime implements ToolRuntime {

  static final String TOFU_IMAGE_ENV = "DRSLINK_TOFU_IMAGE";
  static final String MOTO_IMAGE_ENV = "DRSLINK_MOTO_IMAGE";

  private final DockerImageName tofuImage;
  private final List<String> tofuPrefix;
  private final DockerImageName motoImage;
  private final String user;

  private ContainerRuntime(
      DockerImageName tofuImage, List<String> tofuPrefix, DockerImageName motoImage, String user) {
    this.tofuImage = tofuImage;
    this.tofuPrefix = tofuPrefix;
    this.motoImage = motoImage;
    this.user = user;
  }

  static ContainerRuntime create() {
    String tofu = requireEnv(TOFU_IMAGE_ENV, "the locally built tofu image");
    String moto = requireEnv(MOTO_IMAGE_ENV, "the locally built moto image");
    // Each of these was needed against the --bridge=none engine (see shared toolchain notes);
    // without them Testcontainers tries to pull ryuk/alpine or inspects the missing bridge network.
    requireEnvValue("TESTCONTAINERS_RYUK_DISABLED", "true");
    requireEnvValue("TESTCONTAINERS_CHECKS_DISABLE", "true");
    requireEnv("TESTCONTAINERS_HOST_OVERRIDE", "the Docker host address for Testcontainers");
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new MissingToolException(
          "no Docker engine reachable (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")");
    }
    DockerClient docker = DockerClientFactory.instance().client();
    DockerImageName tofuImage = DockerImageName.parse(tofu);
    DockerImageName motoImage = DockerImageName.parse(moto);
    List<String> tofuPrefix = commandPrefix(docker, tofuImage, "tofu");
    entrypoint(docker, motoImage); // fails early, naming the image, when it is not there
    return new ContainerRuntime(tofuImage, tofuPrefix, motoImage, hostUser());
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public CommandResult tofu(
      List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>(tofuPrefix);
    command.addAll(args);
    String dir = workDir.toAbsolutePath().toString();
    List<String> shown = new ArrayList<>(List.of("tofu"));
    shown.addAll(args);
    // The work dir is mounted at the same path, so plan files, state and error messages name the
    // same paths inside and outside the container.
    try (GenericContainer<?> c = new GenericContainer<>(tofuImage)) {
      c.withNetworkMode("host")
          .withFileSystemBind(dir, dir, BindMode.READ_WRITE)
          .withWorkingDirectory(dir)
          .withEnv(env)
          .withCommand(command.toArray(String[]::new))
          .withStartupCheckStrategy(new StartedStartupCheck().withTimeout(Duration.ofMinutes(1)))
          .waitingFor(new NoWait());
      if (user != null) {
        c.withCreateContainerCmdModifier(cmd -> cmd.withUser(user));
      }
      c.start();
      boolean timedOut = !awaitExit(c.getContainerId(), timeout);
      if (timedOut) {
        // SIGINT lets tofu stop cleanly and save its state, so the cleanup destroy still
        // finds what was created before the limit.
        interrupt(c.getContainerId());
      }
      InspectContainerResponse.ContainerState state = c.getCurrentContainerInfo().getState();
      Long exit = state.getExitCodeLong();
      String stderr = c.getLogs(OutputFrame.OutputType.STDERR);
      return new CommandResult(
          shown,
          timedOut ? 124 : exit == null ? -1 : exit.intValue(),
          c.getLogs(OutputFrame.OutputType.STDOUT),
          timedOut ? stderr + "\n[harness] tofu was interrupted after " + timeout : stderr);
    }
  }

  private static boolean awaitExit(String containerId, Duration timeout) {
    DockerClient docker = DockerClientFactory.instance().client();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      InspectContainerResponse.ContainerState state =
          docker.inspectContainerCmd(containerId).exec().getState();
      if (DockerStatus.isContainerStopped(state)) {
        return true;
      }
      MotoServer.sleep(200);
    }
    return false;
  }

  private static void interrupt(String containerId) {
    DockerClient docker = DockerClientFactory.instance().client();
    try {
      docker.killContainerCmd(containerId).withSignal("SIGINT").exec();
      if (!awaitExit(containerId, Duration.ofMinutes(1))) {
        docker.killContainerCmd(containerId).exec();
      }
    } catch (RuntimeException e) {
      // already gone
    }
  }

  /** The image's own /tmp (mode 1777, made by scripts/toolchain.sh), thrown away with each run. */
  @Override
  public String tempDir() {
    return "/tmp";
  }

  @Override
  public MotoServer startMoto() {
    return MotoServer.startWithRetries(() -> ContainerMoto.start(motoImage));
  }

  @Override
  public void close() {
    // Containers are removed by their owners; the Docker client is shared by Testcontainers.
  }

  private static String requireEnv(String name, String what) {
    String v = System.getenv(name);
    if (v == null || v.isBlank()) {
      throw new MissingToolException(name + " is not set (" + what + ")");
    }
    return v.trim();
  }

  private static void requireEnvValue(String name, String expected) {
    String v = System.getenv(name);
    if (v == null || !v.trim().equalsIgnoreCase(expected)) {
      throw new MissingToolException(
          name + "=" + expected + " is not set (the local Docker engine cannot pull images)");
    }
  }

  /** What to put before our arguments, depending on whether the image's entrypoint is the tool. */
  private static List<String> commandPrefix(
      DockerClient docker, DockerImageName image, String tool) {
    String[] entrypoint = entrypoint(docker, image);
    if (Arrays.stream(entrypoint).anyMatch(s -> s.equals(tool) || s.endsWith("/" + tool))) {
      return List.of();
    }
    return List.of(tool);
  }

  private static String[] entrypoint(DockerClient docker, DockerImageName image) {
    InspectImageResponse info;
    try {
      info = docker.inspectImageCmd(image.asCanonicalNameString()).exec();
    } catch (NotFoundException e) {
      throw new MissingToolException(
          "Docker image " + image.asCanonicalNameString() + " is not in the local engine", e);
    }
    String[] entrypoint = info.getConfig() == null ? null : info.getConfig().getEntrypoint();
    return entrypoint == null ? new String[0] : entrypoint;
  }

  /** Containers run as the invoking user, so a non-root developer can delete what tofu wrote. */
  private static String hostUser() {
    try {
      com.sun.security.auth.module.UnixSystem u = new com.sun.security.auth.module.UnixSystem();
      return u.getUid() == 0 ? null : u.getUid() + ":" + u.getGid();
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * A one-shot container has "started" once it runs or has already exited, whatever its exit code:
   * the caller waits for the exit itself, with its own time limit.
   */
  static final class StartedStartupCheck extends StartupCheckStrategy {
    @Override
    public StartupStatus checkStartupState(DockerClient dockerClient, String containerId) {
      InspectContainerResponse.ContainerState state = getCurrentState(dockerClient, containerId);
      return Boolean.TRUE.equals(state.getRunning()) || DockerStatus.isContainerStopped(state)
          ? StartupStatus.SUCCESSFUL
          : StartupStatus.NOT_YET_KNOWN;
    }
  }

  /** Readiness is checked by the caller (moto: HTTP poll; tofu: exit). */
  static final class NoWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      // nothing to wait for
    }
  }

  /** moto_server in its image on the host network. */
  static final class ContainerMoto extends MotoServer {
    private final GenericContainer<?> container;

    private ContainerMoto(int port, GenericContainer<?> container) {
      super(port);
      this.container = container;
    }

    static ContainerMoto start(DockerImageName image) {
      int port = freeLoopbackPort();
      // The image's python3 (moto's venv is first on its PATH) runs the launcher with the suite's
      // moto fixes, the AWS rules and the DRS stand-in; their folder is mounted read-only at the same path.
      String launcher = launcher().toString();
      String folder = launcher().getParent().toString();
      GenericContainer<?> c =
          new GenericContainer<>(image)
              .withNetworkMode("host")
              .withFileSystemBind(folder, folder, BindMode.READ_ONLY)
              .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("python3"))
              .withCommand(launcher, "-H", "127.0.0.1", "-p", String.valueOf(port))
              .waitingFor(new NoWait());
      ContainerMoto m = new ContainerMoto(port, c);
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
}
