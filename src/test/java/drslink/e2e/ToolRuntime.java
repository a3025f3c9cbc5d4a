package drslink.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import harness.emulator.EgressGuard;
import harness.emulator.MotoServer;
import harness.emulator.ProviderOverride;
import harness.terraform.CommandLog;
import harness.terraform.CommandResult;
import harness.terraform.ContainerRunner;
import harness.terraform.LocalRunner;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
import harness.terraform.ToolRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

/**
 * drslink's e2e suite on the harness modules: where tofu runs (a harness {@link ToolRunner}) and
 * where moto runs (a harness {@link MotoServer}), chosen by the suite's {@code -D} properties, with
 * the suite's own settings mapped onto them: the egress guard and {@code -Ddrslink.e2e.tfLog} in
 * every run's environment, every command's log in {@code target/e2e-logs/<workspace>/}, moto's in
 * {@code target/e2e-logs/}.
 *
 * <p>Select with {@code -Ddrslink.e2e.runtime=containers} (default) or {@code =local}. A missing
 * tool, variable, image or Docker engine makes {@link #fromSystemProperty()} throw: the suite
 * fails, it never skips.
 */
public final class ToolRuntime implements ToolRunner, AutoCloseable {

  static final String PROPERTY = "drslink.e2e.runtime";
  static final String TOFU_IMAGE_ENV = "DRSLINK_TOFU_IMAGE";
  static final String MOTO_IMAGE_ENV = "DRSLINK_MOTO_IMAGE";

  /** The fix printed with every "missing" failure. */
  static final String INSTALL_HINT =
      "run `scripts/toolchain.sh install`, then `eval \"$(scripts/toolchain.sh env)\"` in the shell"
          + " that runs Maven";

  private final ToolRunner runner;
  private final Supplier<MotoServer> moto;
  private final Map<String, String> environment;
  private final Map<Path, CommandLog> logs = new ConcurrentHashMap<>();

  private ToolRuntime(ToolRunner runner, Supplier<MotoServer> moto) {
    this.runner = runner;
    this.moto = moto;
    Map<String, String> env = new LinkedHashMap<>(runner.environment());
    // No instance metadata, and every non-loopback HTTP(S) call to a closed 127.0.0.1 port.
    env.putAll(EgressGuard.environment(EgressGuard.closedPort()));
    // -Ddrslink.e2e.tfLog=debug: tofu's and the provider's log go to stderr, kept in e2e-logs.
    String tfLog = System.getProperty("drslink.e2e.tfLog", "");
    if (!tfLog.isBlank()) {
      env.put("TF_LOG", tfLog);
    }
    this.environment = Map.copyOf(env);
  }

  public static ToolRuntime fromSystemProperty() {
    String which = System.getProperty(PROPERTY, "containers").trim().toLowerCase(Locale.ROOT);
    if (which.equals("containers") || which.equals("testcontainers") || which.isEmpty()) {
      return containers();
    }
    if (which.equals("local")) {
      // -Ddrslink.e2e.tool=/path/to/terraform runs the same tests with Terraform instead.
      String name = System.getProperty("drslink.e2e.tool", "tofu");
      Path tool =
          (name.contains("/") ? Optional.of(Path.of(name)).filter(Files::isExecutable) : LocalRunner.onPath(name))
              .orElseThrow(() -> new MissingToolException("`" + name + "` is not on PATH (local runtime)"));
      return local(tool);
    }
    throw new MissingToolException(
        "unknown -D" + PROPERTY + "=" + which + " (use `containers` or `local`)");
  }

  /** tofu and moto in the locally built images, through Testcontainers. */
  static ToolRuntime containers() {
    String tofu = requireEnv(TOFU_IMAGE_ENV, "the locally built tofu image");
    String motoImage = requireEnv(MOTO_IMAGE_ENV, "the locally built moto image");
    // Each of these was needed against the --bridge=none engine (see shared toolchain notes);
    // without them Testcontainers tries to pull ryuk/alpine or inspects the missing bridge network.
    requireEnvValue("TESTCONTAINERS_RYUK_DISABLED", "true");
    requireEnvValue("TESTCONTAINERS_CHECKS_DISABLE", "true");
    requireEnv("TESTCONTAINERS_HOST_OVERRIDE", "the Docker host address for Testcontainers");
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new MissingToolException(
          "no Docker engine reachable (DOCKER_HOST=" + System.getenv("DOCKER_HOST") + ")");
    }
    ToolRunner runner;
    try {
      runner = new ContainerRunner(DockerImageName.parse(tofu));
      new ContainerRunner(DockerImageName.parse(motoImage)); // fails early, naming the image
    } catch (IllegalStateException e) {
      throw new MissingToolException(e.getMessage(), e);
    }
    return new ToolRuntime(
        runner, () -> MotoServer.startContainer(DockerImageName.parse(motoImage)));
  }

  /** {@code tool} (tofu or terraform) and moto_server's python as local processes. */
  static ToolRuntime local(Path tool) {
    Path motoServer =
        LocalRunner.onPath("moto_server")
            .orElseThrow(() -> new MissingToolException("`moto_server` is not on PATH (local runtime)"));
    Path python = motoServer.resolveSibling("python3");
    if (!Files.isExecutable(python)) {
      throw new MissingToolException("no python3 next to " + motoServer + " (moto's venv)");
    }
    String cliConfig = System.getenv("TF_CLI_CONFIG_FILE");
    if (cliConfig == null || cliConfig.isBlank()) {
      throw new MissingToolException(
          "TF_CLI_CONFIG_FILE is not set (it points tofu at the offline provider mirror)");
    }
    if (!Files.isRegularFile(Path.of(cliConfig))) {
      throw new MissingToolException("TF_CLI_CONFIG_FILE=" + cliConfig + " does not exist");
    }
    return new ToolRuntime(
        new LocalRunner(tool.toString(), Path.of(cliConfig)), () -> MotoServer.startLocal(python));
  }

  /** Starts a moto server (rules and DRS stand-in included) and waits until it answers. */
  public MotoServer startMoto() {
    return moto.get().keepOutputIn(Workspace.projectDir().resolve("target/e2e-logs"));
  }

  /** tofu in {@code root}, every service a root calls sent to the moto at {@code motoEndpoint}. */
  public Terraform terraformOn(Path root, String motoEndpoint, ObjectMapper json) {
    return new Terraform(
        this, TerraformOptions.builder(root).env(ProviderOverride.environment(motoEndpoint)).build(), json);
  }

  /** The binary's name: "tofu", or "terraform" for {@code -Ddrslink.e2e.tool=<terraform>}. */
  public String toolName() {
    return Path.of(runner.defaultBinary()).getFileName().toString();
  }

  @Override
  public String name() {
    return runner.name();
  }

  @Override
  public String defaultBinary() {
    return runner.defaultBinary();
  }

  @Override
  public Map<String, String> environment() {
    return environment;
  }

  @Override
  public String tempDir() {
    return runner.tempDir();
  }

  /**
   * Runs through the harness runner and keeps the command's full output in
   * target/e2e-logs/<workspace>/, which outlives the workspace: the place to read a whole apply log
   * when CI fails.
   */
  @Override
  public CommandResult run(
      String binary, List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
    long t0 = System.nanoTime();
    CommandResult r = runner.run(binary, args, workDir, env, timeout);
    Path workspace = workDir.toAbsolutePath().getParent();
    String label = workspace == null ? workDir.getFileName().toString() : workspace.getFileName().toString();
    logs.computeIfAbsent(
            workspace == null ? workDir : workspace,
            w -> new CommandLog(Workspace.projectDir().resolve("target/e2e-logs").resolve(label)))
        .keep(what(binary, args), r, (System.nanoTime() - t0) / 1e9);
    return r;
  }

  /** "init", "plan", "show", "providers schema": the subcommand, without its flags. */
  static String what(String binary, List<String> args) {
    List<String> words = args.stream().takeWhile(a -> !a.startsWith("-")).limit(2).toList();
    return words.isEmpty() ? binary : String.join(" ", words);
  }

  @Override
  public void close() {
    // Containers and processes are removed by their owners.
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
}
