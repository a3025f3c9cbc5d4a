package drslink.e2e;

import harness.terraform.CommandResult;
import harness.terraform.Processes;
import harness.terraform.ToolException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The packaged generator, run as a user runs it: {@code java -jar target/drslink.jar ...}. */
public final class DrslinkCli {

  private final Path jar;

  private DrslinkCli(Path jar) {
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
    return new DrslinkCli(jar);
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
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new java.util.ArrayList<>(List.of(java.toString(), "-jar", jar.toString()));
    command.addAll(args);
    return Processes.run(new ProcessBuilder(command), command, Duration.ofMinutes(2));
  }
}
