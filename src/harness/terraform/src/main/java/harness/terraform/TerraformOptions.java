package harness.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Terratest's {@code terraform.Options} in Java: where the root is, which binary runs it, its
 * variables, extra environment, where each command's log goes, time limits, and which errors are
 * worth a retry (as data: regex to description, Terratest's {@code RetryableTerraformErrors}).
 * Nothing here reads system properties: a suite maps its own settings onto the builder.
 */
public final class TerraformOptions {

  /**
   * Errors seen to be transient (a moto worker still starting, a reset connection, a provider slow
   * to start under load). Anything not listed fails at once: retrying a real template error only
   * hides it. A provider that exits before its handshake is not listed: that was never transient
   * (see {@link Terraform#checkedTempDir}), and three identical failures only cost time.
   */
  public static final Map<String, String> DEFAULT_RETRYABLE_ERRORS =
      Map.of(
          "(?s).*connection reset by peer.*", "connection reset by peer",
          "(?s).*EOF\\b.*while (reading|sending).*", "server closed the connection",
          "(?s).*ServiceUnavailable.*", "service unavailable",
          "(?s).*timeout while waiting for plugin to start.*", "slow provider start");

  private final Path dir;
  private final String binary;
  private final Path logDir;
  private final Map<String, String> vars;
  private final Map<String, String> env;
  private final Map<String, String> retryableErrors;
  private final int maxRetries;
  private final Duration timeBetweenRetries;
  private final Duration commandTimeout;

  private TerraformOptions(Builder b) {
    this.dir = Objects.requireNonNull(b.dir, "dir").toAbsolutePath().normalize();
    this.binary = b.binary;
    this.logDir = b.logDir;
    this.vars = Map.copyOf(b.vars);
    this.env = Map.copyOf(b.env);
    this.retryableErrors = Map.copyOf(b.retryableErrors);
    this.maxRetries = b.maxRetries;
    this.timeBetweenRetries = b.timeBetweenRetries;
    this.commandTimeout = b.commandTimeout;
  }

  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  public Path dir() {
    return dir;
  }

  /** Terratest's {@code TerraformBinary}: a name on PATH or a path; null: the runner's default. */
  public String binary() {
    return binary;
  }

  /** Where each command's full output is kept ({@link CommandLog}); null: nowhere. */
  public Path logDir() {
    return logDir;
  }

  /** The name progress lines use: the root's parent folder (the test's workspace), else the root. */
  public String label() {
    Path parent = dir.getParent();
    return (parent != null && parent.getFileName() != null ? parent : dir).getFileName().toString();
  }

  public Map<String, String> vars() {
    return vars;
  }

  public Map<String, String> env() {
    return env;
  }

  public int maxRetries() {
    return maxRetries;
  }

  public Duration timeBetweenRetries() {
    return timeBetweenRetries;
  }

  public Duration commandTimeout() {
    return commandTimeout;
  }

  /** Why a failed command's output is worth a retry, or null when it is not. */
  public String retryReason(String output) {
    for (Map.Entry<String, String> e : retryableErrors.entrySet()) {
      if (Pattern.compile(e.getKey()).matcher(output).matches()) {
        return e.getValue();
      }
    }
    return null;
  }

  public static final class Builder {
    private final Path dir;
    private String binary;
    private Path logDir;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final Map<String, String> retryableErrors =
        new LinkedHashMap<>(DEFAULT_RETRYABLE_ERRORS);
    private int maxRetries = 2;
    private Duration timeBetweenRetries = Duration.ofSeconds(3);
    // A command that runs longer is interrupted (SIGINT, so tofu saves its state) and fails.
    private Duration commandTimeout = Duration.ofMinutes(10);

    private Builder(Path dir) {
      this.dir = dir;
    }

    public Builder binary(String nameOrPath) {
      binary = nameOrPath;
      return this;
    }

    public Builder logDir(Path folder) {
      logDir = folder;
      return this;
    }

    public Builder var(String name, String value) {
      vars.put(name, value);
      return this;
    }

    public Builder vars(Map<String, String> values) {
      vars.putAll(values);
      return this;
    }

    public Builder env(String name, String value) {
      env.put(name, value);
      return this;
    }

    public Builder env(Map<String, String> values) {
      env.putAll(values);
      return this;
    }

    public Builder retryableError(String regex, String description) {
      retryableErrors.put(regex, description);
      return this;
    }

    public Builder noRetries() {
      retryableErrors.clear();
      maxRetries = 0;
      return this;
    }

    public Builder maxRetries(int n) {
      maxRetries = n;
      return this;
    }

    public Builder timeBetweenRetries(Duration d) {
      timeBetweenRetries = d;
      return this;
    }

    public Builder commandTimeout(Duration d) {
      commandTimeout = d;
      return this;
    }

    public TerraformOptions build() {
      return new TerraformOptions(this);
    }
  }
}
