package drslink.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Developer fallback: tofu and moto_server from PATH, as plain child processes. */
final class LocalRuntime implements ToolRuntime {

  private final Path tool;
  private final Path motoServer;
  private final String cliConfig;

  private LocalRuntime(Path tool, Path motoServer, String cliConfig) {
    this.tool = tool;
    this.motoServer = motoServer;
    this.cliConfig = cliConfig;
  }

  static LocalRuntime create() {
    // -Ddrslink.e2e.tool=/path/to/terraform runs the same tests with Terraform instead.
    String name = System.getProperty("drslink.e2e.tool", "tofu");
    Path tool =
        (name.contains("/") ? Optional.of(Path.of(name)).filter(Files::isExecutable) : onPath(name))
            .orElseThrow(
                () -> new MissingToolException("`" + name + "` is not on PATH (local runtime)"));
    return create(tool);
  }

  /** The local runtime running {@code tool} (tofu or terraform) for every tofu command. */
  static LocalRuntime create(Path tool) {
    Path moto =
        onPath("moto_server")
            .orElseThrow(
                () -> new MissingToolException("`moto_server` is not on PATH (local runtime)"));
    String cliConfig = System.getenv("TF_CLI_CONFIG_FILE");
    if (cliConfig == null || cliConfig.isBlank()) {
      throw new MissingToolException(
          "TF_CLI_CONFIG_FILE is not set (it points tofu at the offline provider mirror)");
    }
    if (!Files.isRegularFile(Path.of(cliConfig))) {
      throw new MissingToolException("TF_CLI_CONFIG_FILE=" + cliConfig + " does not exist");
    }
    return new LocalRuntime(tool, moto, cliConfig);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String toolName() {
    return tool.getFileName().toString();
  }

  @Override
  public CommandResult tofu(
      List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> pEnv = pb.environment();
    // Start from a clean slate so a developer's AWS profile or proxy can never leak into a run.
    pEnv.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("TF_") || isProxyVar(k));
    pEnv.put("TF_CLI_CONFIG_FILE", cliConfig);
    pEnv.putAll(env);
    return Processes.run(pb, command, timeout);
  }

  @Override
  public String tempDir() {
    return System.getProperty("java.io.tmpdir");
  }

  @Override
  public MotoServer startMoto() {
    return MotoServer.startWithRetries(() -> LocalMoto.start(motoServer));
  }

  @Override
  public void close() {
    // Nothing shared to release: every process is owned by its caller.
  }

  static boolean isProxyVar(String k) {
    return k.equalsIgnoreCase("http_proxy")
        || k.equalsIgnoreCase("https_proxy")
        || k.equalsIgnoreCase("no_proxy")
        || k.equalsIgnoreCase("all_proxy");
  }

  static Optional<Path> onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir, exe);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** moto_server as a child process; killed on close. */
  static final class LocalMoto extends MotoServer {
    private final Process process;
    private final Path log;

    private LocalMoto(int port, Process process, Path log) {
      super(port);
      this.process = process;
      this.log = log;
    }

    static LocalMoto start(Path motoServer) {
      int port = freeLoopbackPort();
      try {
        Path log = Files.createTempFile("drslink-e2e-moto", ".log");
        // moto_server's own python (its venv), running the launcher with the suite's moto fix.
        Path python = motoServer.resolveSibling("python3");
        if (!Files.isExecutable(python)) {
          throw new MissingToolException("no python3 next to " + motoServer + " (moto's venv)");
        }
        ProcessBuilder pb =
            new ProcessBuilder(
                    python.toString(),
                    launcher().toString(),
                    "-H",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || isProxyVar(k));
        LocalMoto m = new LocalMoto(port, pb.start(), log);
        try {
          m.awaitReady();
        } catch (RuntimeException e) {
          m.close();
          throw e;
        }
        return m;
      } catch (IOException e) {
        throw new UncheckedIOException("could not start " + motoServer, e);
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
          // harmless leftover
        }
      }
    }
  }
}
