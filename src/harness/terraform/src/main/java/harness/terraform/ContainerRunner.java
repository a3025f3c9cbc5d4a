package harness.terraform;

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
 * Runs the tool in a one-shot container of an image that has it (its entrypoint or on its PATH),
 * through Testcontainers, on the host network (so a server on 127.0.0.1, an emulator say, is
 * reached as from the host). The root is mounted at its own path, so plan files, state and error
 * messages name the same paths inside and outside the container. Every container started here is
 * removed here, whether or not Ryuk runs.
 */
public final class ContainerRunner implements ToolRunner {

  private final DockerImageName image;
  private final String user;
  private final DockerClient docker;
  private final String[] entrypoint;

  /** Fails at once, naming the image, when the engine does not have it. */
  public ContainerRunner(DockerImageName image) {
    this.image = image;
    this.docker = DockerClientFactory.instance().client();
    this.entrypoint = entrypoint(docker, image);
    this.user = hostUser();
  }

  @Override
  public String name() {
    return "containers";
  }

  @Override
  public CommandResult run(
      String binary, List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>();
    // The binary goes first unless the image's entrypoint already is it.
    if (Arrays.stream(entrypoint).noneMatch(s -> s.equals(binary) || s.endsWith("/" + binary))) {
      command.add(binary);
    }
    command.addAll(args);
    String dir = workDir.toAbsolutePath().toString();
    List<String> shown = new ArrayList<>(List.of(binary));
    shown.addAll(args);
    // The work dir is mounted at the same path, so plan files, state and error messages name the
    // same paths inside and outside the container.
    try (GenericContainer<?> c = new GenericContainer<>(image)) {
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
          timedOut ? stderr + "\n[harness] " + binary + " was interrupted after " + timeout : stderr);
    }
  }

  private boolean awaitExit(String containerId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      InspectContainerResponse.ContainerState state =
          docker.inspectContainerCmd(containerId).exec().getState();
      if (DockerStatus.isContainerStopped(state)) {
        return true;
      }
      Terraform.sleep(200);
    }
    return false;
  }

  private void interrupt(String containerId) {
    try {
      docker.killContainerCmd(containerId).withSignal("SIGINT").exec();
      if (!awaitExit(containerId, Duration.ofMinutes(1))) {
        docker.killContainerCmd(containerId).exec();
      }
    } catch (RuntimeException e) {
      // already gone
    }
  }

  /** The image's own /tmp (it must be writable by the user), thrown away with each run. */
  @Override
  public String tempDir() {
    return "/tmp";
  }

  private static String[] entrypoint(DockerClient docker, DockerImageName image) {
    InspectImageResponse info;
    try {
      info = docker.inspectImageCmd(image.asCanonicalNameString()).exec();
    } catch (NotFoundException e) {
      throw new IllegalStateException(
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

  /** Readiness is the exit, which {@link #run} waits for itself. */
  static final class NoWait extends AbstractWaitStrategy {
    @Override
    protected void waitUntilReady() {
      // nothing to wait for
    }
  }
}
