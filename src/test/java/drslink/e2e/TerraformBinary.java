package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harness.terraform.CommandResult;
import harness.terraform.Processes;
import harness.terraform.LocalRunner;
import harness.terraform.ToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HashiCorp Terraform binary {@link TerraformCompatibilityIT} proves the roots with, and its
 * version.
 *
 * <p>Chosen in this order: {@code -Ddrslink.e2e.terraform=<path>} (to prove another release by
 * hand); {@code terraform} on PATH (the machine's own); the toolchain's build ({@code $TERRAFORM},
 * else {@code $DRSLINK_TOOLCHAIN_CACHE/terraform/v1.5.7/bin/terraform}, what {@code
 * scripts/toolchain.sh terraform} writes). None of them: the suite fails, it never skips.
 */
record TerraformBinary(Path path, String version, String source) {

  static final String PROPERTY = "drslink.e2e.terraform";
  static final String TOOLCHAIN_VERSION = "v1.5.7"; // TERRAFORM_VERSION in scripts/toolchain.sh
  static final String BUILD_HINT =
      "build it with `scripts/toolchain.sh terraform` (Terraform "
          + TOOLCHAIN_VERSION.substring(1)
          + " from the Go module proxy), then `eval \"$(scripts/toolchain.sh env)\"`; or put a"
          + " terraform binary on PATH";

  private static final Pattern PLAIN_VERSION = Pattern.compile("v?(\\d+\\.\\d+\\.\\d+\\S*)");

  static TerraformBinary resolve() {
    List<String> tried = new ArrayList<>();
    String explicit = System.getProperty(PROPERTY, "").trim();
    if (!explicit.isEmpty()) {
      Path p = Path.of(explicit);
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw missing("-D" + PROPERTY + "=" + explicit + " is not an executable file");
      }
      return of(p, "-D" + PROPERTY);
    }
    Optional<Path> onPath = LocalRunner.onPath("terraform");
    if (onPath.isPresent()) {
      return of(onPath.get(), "PATH");
    }
    tried.add("`terraform` on PATH");
    for (Path p : toolchainCandidates()) {
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return of(p, "the toolchain's build");
      }
      tried.add(p.toString());
    }
    throw missing("no Terraform binary (tried " + String.join(", ", tried) + ")");
  }

  private static List<Path> toolchainCandidates() {
    List<Path> out = new ArrayList<>();
    String env = System.getenv("TERRAFORM");
    if (env != null && !env.isBlank()) {
      out.add(Path.of(env.trim()));
    }
    String cache = System.getenv("DRSLINK_TOOLCHAIN_CACHE");
    Path root =
        cache != null && !cache.isBlank()
            ? Path.of(cache.trim())
            : Path.of(System.getProperty("user.home"), ".cache", "drslink-toolchain");
    out.add(root.resolve("terraform").resolve(TOOLCHAIN_VERSION).resolve("bin/terraform"));
    return out;
  }

  private static MissingToolException missing(String what) {
    return new MissingToolException(what + "; " + BUILD_HINT);
  }

  /** Asks the binary its version ({@code version -json}; Terraform 0.13 and later have it). */
  private static TerraformBinary of(Path path, String source) {
    List<String> command = List.of(path.toString(), "version", "-json");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("CHECKPOINT_DISABLE", "1");
    pb.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
    CommandResult r = Processes.run(pb, command, Duration.ofMinutes(1));
    if (!r.succeeded()) {
      throw new ToolException(path + " version -json", r);
    }
    String version;
    try {
      JsonNode v = new ObjectMapper().readTree(r.stdout());
      version = v.path("terraform_version").asText("");
    } catch (IOException e) {
      version = "";
    }
    Matcher m = PLAIN_VERSION.matcher(version);
    if (!m.matches()) {
      throw new IllegalStateException(
          path + " version -json printed no terraform_version (is it Terraform?):\n" + r.stdout());
    }
    return new TerraformBinary(path, m.group(1), source);
  }

  /** Whether this release is older than {@code floor} (both "x.y.z"; pre-release tags ignored). */
  boolean olderThan(String floor) {
    return older(version, floor);
  }

  /** Whether release {@code x} is older than {@code y} (both "x.y.z"; pre-release tags ignored). */
  static boolean older(String x, String y) {
    int[] a = numbers(x);
    int[] b = numbers(y);
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return a[i] < b[i];
      }
    }
    return false;
  }

  private static int[] numbers(String v) {
    String[] parts = v.replaceFirst("^v", "").replaceFirst("[-+].*$", "").split("\\.");
    int[] out = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }

  @Override
  public String toString() {
    return path.getFileName() + " " + version + " (" + path + ", from " + source + ")";
  }
}
