package drslink.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image definition (scripts/images/drslink/Dockerfile) builds from the release archive and Debian's
 * packages, and the image validates, plans and generates the bundled example. No registry is reachable here, so the
 * base is the test toolchain's Debian bookworm image (DRSLINK_MOTO_IMAGE, the same suite as debian:bookworm-slim);
 * the JRE comes from Debian's archive as it would for a user. Needs the toolchain's Docker engine: fails, never skips,
 * without it. The image stays tagged after the run: the next build reuses its JRE layer from Docker's cache (about
 * 50 s with it, the JRE's download on top without).
 */
class ContainerImageIT {
  private static final String TAG = "drslink/cli-test:it";
  private static String version;

  private record Run(int code, String out) {}

  private static Run docker(List<String> args, int timeoutSeconds) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(p.exitValue(), out);
  }

  private static String required(String name) {
    String value = System.getenv(name);
    assertTrue(value != null && !value.isBlank(), name + " is not set: run eval \"$(scripts/toolchain.sh env)\" (scripts/test.sh does)");
    return value;
  }

  @BeforeAll
  static void build(@TempDir Path context) throws Exception {
    required("DOCKER_HOST");
    String base = required("DRSLINK_MOTO_IMAGE");
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile("target/drslink.jar")) {
      version = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
    String archive = "drslink-" + version + "-dist.tar.gz";
    // Only the archive goes to the engine, not all of target/.
    Files.copy(Path.of("target", archive), context.resolve(archive));
    Run built =
        docker(
            List.of("build", "--network", "host", "-f", Path.of("scripts/images/drslink/Dockerfile").toAbsolutePath().toString(),
                "--build-arg", "BASE_IMAGE=" + base, "--build-arg", "VERSION=" + version, "-t", TAG, context.toString()),
            900);
    assertEquals(0, built.code(), built.out());
  }

  @Test
  void theImageRunsTheEverydayCommands(@TempDir Path work) throws Exception {
    Path examples = Path.of("examples").toAbsolutePath();
    String mount = examples + ":/examples:ro";
    Run printed = docker(List.of("run", "--rm", "--network", "none", TAG, "--version"), 120);
    assertEquals(0, printed.code(), printed.out());
    assertTrue(printed.out().contains(version), printed.out());

    Run validate = docker(List.of("run", "--rm", "--network", "none", "-v", mount, TAG, "validate", "/examples/cross-account/topology.yaml"), 120);
    assertEquals(0, validate.code(), validate.out());
    Run plan = docker(List.of("run", "--rm", "--network", "none", "-v", mount, TAG, "plan", "-q", "/examples/tokyo-osaka/topology.yaml"), 120);
    assertEquals(0, plan.code(), plan.out());
    assertTrue(plan.out().contains("Plan: 22 to create"), plan.out());

    Run generate =
        docker(List.of("run", "--rm", "--network", "none", "-v", mount, "-v", work + ":/work", TAG, "generate", "-q", "/examples/cross-account/topology.yaml", "--out", "/work/root"), 120);
    assertEquals(0, generate.code(), generate.out());
    assertTrue(Files.isRegularFile(work.resolve("root/main.tf")), "root/main.tf written through the mounted folder");

    // Bad input behaves as outside the container: exit 1, a located message.
    Files.writeString(work.resolve("bad.yaml"), "version: 1\nname: Bad Name\n");
    Run bad = docker(List.of("run", "--rm", "--network", "none", "-v", work + ":/work", TAG, "validate", "/work/bad.yaml"), 120);
    assertEquals(1, bad.code(), bad.out());
    assertTrue(bad.out().contains("bad.yaml:"), bad.out());
  }
}
