package harness.terraform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the Terraform or OpenTofu binary runs: {@link LocalRunner} (a child process) or {@link
 * ContainerRunner} (a one-shot container through Testcontainers). {@link Terraform} talks only to
 * this interface, so the same test proves a root either way, and a test can hand it a fake.
 */
public interface ToolRunner {

  /** "local", "containers", ...: printed in failure messages. */
  String name();

  /** The binary {@link Terraform} runs when {@link TerraformOptions#binary()} is not set. */
  default String defaultBinary() {
    return "tofu";
  }

  /**
   * Runs {@code binary args} in {@code workDir} with exactly {@code env} added to the tool's
   * environment, and returns whatever it exited with: never throws for a non-zero exit. A run longer
   * than {@code timeout} is interrupted (so the tool can save its state) and returns exit 124.
   */
  CommandResult run(
      String binary, List<String> args, Path workDir, Map<String, String> env, Duration timeout);

  /**
   * The folder the tool and its providers get as TMPDIR, as the tool sees it. Each provider listens
   * on a unix socket there, so it must stay short (see {@link Terraform#checkedTempDir}).
   */
  String tempDir();

  /** Environment every command of this runner gets, below {@link TerraformOptions#env()}. */
  default Map<String, String> environment() {
    return Map.of();
  }
}
