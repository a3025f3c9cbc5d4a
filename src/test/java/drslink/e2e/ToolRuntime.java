package drslink.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where tofu and moto run. Tests talk only to this interface, so the same tests prove the generated
 * roots in containers (CI) and with local processes (developers without Docker).
 *
 * <p>Select with {@code -Ddrslink.e2e.runtime=containers} (default) or {@code =local}. A missing
 * tool, variable, image or Docker engine makes {@link #fromSystemProperty()} throw: the suite
 * fails, it never skips.
 */
public interface ToolRuntime extends AutoCloseable {

  String PROPERTY = "drslink.e2e.runtime";

  /** The fix printed with every "missing" failure. */
  String INSTALL_HINT =
      "run `scripts/toolchain.sh install`, then `eval \"$(scripts/toolchain.sh env)\"` in the shell"
          + " that runs Maven";

  String name();

  /**
   * The binary behind {@link #tofu}: "tofu", or "terraform" when the local runtime runs {@code
   * -Ddrslink.e2e.tool=<path to terraform>} to prove the output with Terraform too.
   */
  default String toolName() {
    return "tofu";
  }

  /**
   * Runs {@code tofu <args>} in {@code workDir} with exactly {@code env} added to the tool's
   * environment, and returns whatever it exited with (never throws for a non-zero exit).
   */
  CommandResult tofu(List<String> args, Path workDir, Map<String, String> env, Duration timeout);

  /**
   * The folder tofu and its providers get as TMPDIR, as seen by the tool. Each provider listens on
   * a unix socket created there, so it must stay short (see {@link Terraform#checkedTempDir}).
   */
  String tempDir();

  /** Starts a moto server on a free 127.0.0.1 port and waits until it answers. */
  MotoServer startMoto();

  @Override
  void close();

  static ToolRuntime fromSystemProperty() {
    String which = System.getProperty(PROPERTY, "containers").trim().toLowerCase(Locale.ROOT);
    if (which.equals("containers") || which.equals("testcontainers") || which.isEmpty()) {
      return ContainerRuntime.create();
    }
    if (which.equals("local")) {
      return LocalRuntime.create();
    }
    throw new MissingToolException(
        "unknown -D" + PROPERTY + "=" + which + " (use `containers` or `local`)");
  }
}
