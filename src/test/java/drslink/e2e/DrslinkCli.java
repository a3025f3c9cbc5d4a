package drslink.e2e;

import harness.terraform.CommandResult;
import harness.terraform.Processes;
import harness.terraform.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The packaged generator, run as a user runs it: through the launcher {@code scripts/drslink}, which
 * starts {@code target/drslink.jar} with its class-data archive and the client compiler only (README
 * "Performance"). That is also cheaper: the suite starts drslink a few hundred times, and a JVM with
 * C2 on two cores spent its CPU compiling code a run is over before it uses.
 */
public final class DrslinkCli {

  private final Path launcher;
  private final Path jar;

  private DrslinkCli(Path launcher, Path jar) {
    this.launcher = launcher;
    this.jar = jar;
  }

  /** The jar Maven's package phase built; the e2e suite runs after it (integration-test). */
  public static DrslinkCli fromBuild(Path projectDir) {
    Path jar = projectDir.resolve("target").resolve("drslink.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " does not exist: run the e2e suite through Maven (`mvn verify`), which packages"
              + " the jar before the integration-test phase");
    }
    return new DrslinkCli(projectDir.resolve("scripts").resolve("drslink"), jar);
  }

  /** {@code generate <topology> --out <dir>}; throws with the CLI's stderr unless it exits 0. */
  public CommandResult generate(Path topology, Path outDir) {
    CommandResult r = run(List.of("generate", topology.toString(), "--out", outDir.toString()));
    if (!r.succeeded()) {
      throw new ToolException("drslink generate " + topology, r);
    }
    return r;
  }

  public CommandResult run(List<String> args) {
    List<String> command = new java.util.ArrayList<>(List.of("bash", launcher.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    // This JVM's java first: the one Maven built the jar and its archive with.
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().put("PATH", javaBin + java.io.File.pathSeparator + System.getenv().getOrDefault("PATH", ""));
    pb.environment().put("DRSLINK_JAR", jar.toString());
    return Processes.run(pb, command, Duration.ofMinutes(2));
  }
}
