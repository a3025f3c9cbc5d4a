package harness.terraform;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the tool as a plain child process. The host's {@code AWS_*}, proxy and {@code TF_*}
 * variables are not inherited (but {@code TF_CLI_CONFIG_FILE} and {@code TF_PLUGIN_CACHE_DIR}, which
 * say where providers come from), so a developer's profile, proxy or {@code TF_VAR_*} never leaks into
 * a run; pass what a run needs in {@link TerraformOptions#env()}.
 */
public final class LocalRunner implements ToolRunner {

  static final java.util.Set<String> KEPT_TF_VARS =
      java.util.Set.of("TF_CLI_CONFIG_FILE", "TF_PLUGIN_CACHE_DIR");

  private final String defaultBinary;
  private final Path cliConfig;

  /** tofu from PATH. */
  public LocalRunner() {
    this("tofu", null);
  }

  /**
   * @param defaultBinary a name on PATH or a path ("tofu", "/usr/bin/terraform")
   * @param cliConfig the CLI configuration file given as {@code TF_CLI_CONFIG_FILE} (a provider
   *     mirror for offline init, say), or null
   */
  public LocalRunner(String defaultBinary, Path cliConfig) {
    this.defaultBinary = defaultBinary;
    this.cliConfig = cliConfig;
  }

  public LocalRunner withCliConfig(Path file) {
    return new LocalRunner(defaultBinary, file);
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public String defaultBinary() {
    return defaultBinary;
  }

  @Override
  public CommandResult run(
      String binary, List<String> args, Path workDir, Map<String, String> env, Duration timeout) {
    if (!binary.contains("/") && onPath(binary).isEmpty()) {
      throw new IllegalStateException("`" + binary + "` is not on PATH (LocalRunner)");
    }
    List<String> command = new ArrayList<>();
    command.add(binary);
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> pEnv = pb.environment();
    pEnv.keySet()
        .removeIf(
            k ->
                k.startsWith("AWS_")
                    || (k.startsWith("TF_") && !KEPT_TF_VARS.contains(k))
                    || isProxyVar(k));
    if (cliConfig != null) {
      pEnv.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
    }
    pEnv.putAll(env);
    return Processes.run(pb, command, timeout);
  }

  @Override
  public String tempDir() {
    return System.getProperty("java.io.tmpdir");
  }

  public static boolean isProxyVar(String k) {
    return k.equalsIgnoreCase("http_proxy")
        || k.equalsIgnoreCase("https_proxy")
        || k.equalsIgnoreCase("no_proxy")
        || k.equalsIgnoreCase("all_proxy");
  }

  /** An executable of that name in a folder of PATH. */
  public static Optional<Path> onPath(String exe) {
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
}
