package drslink.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run behind the class-data-sharing archive built with the jar (scripts/cds.sh): every command, in one JVM,
 * on the given topologies, so the archive holds the classes any command loads. Output is discarded; writes go under
 * OUT only. Not a user command: {@code java -cp drslink.jar drslink.cli.Training OUT TOPOLOGY...}.
 */
public final class Training {
  /**
   * The class the launcher starts ({@code scripts/drslink} runs {@code drslink.cli.Main}), which the runs below never
   * load: named here so that the training run loads it and the archive holds it. Without it every start reads and
   * verifies it from the jar, opening the jar's 21,000-entry directory before {@code main()} (StartupGuardIT).
   */
  private static final Class<?> LAUNCHED = Main.class;

  private Training() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: java -cp drslink.jar drslink.cli.Training OUT TOPOLOGY...");
      System.exit(ExitCodes.USAGE);
    }
    System.exit(run(Path.of(args[0]), List.of(args).subList(1, args.length)) == 0 ? ExitCodes.OK : ExitCodes.INTERNAL_ERROR);
  }

  /** Runs every command on each topology; returns how many runs ended in an internal error. */
  static int run(Path out, List<String> topologies) {
    List<List<String>> runs = new ArrayList<>();
    runs.add(List.of("--help"));
    runs.add(List.of("schema"));
    for (int i = 0; i < topologies.size(); i++) {
      String topology = topologies.get(i);
      String dir = out.resolve("root" + i).toString();
      runs.add(List.of("validate", topology));
      runs.add(List.of("validate", "--strict", topology));
      runs.add(List.of("plan", topology));
      runs.add(List.of("plan", "--format", "markdown", topology));
      runs.add(List.of("plan", "--format", "json", topology));
      runs.add(List.of("generate", topology, "--out", dir));
      runs.add(List.of("check", topology, "--out", dir));
      runs.add(List.of("generate", "--check", topology, "--out", dir));
      runs.add(List.of("diagram", topology));
      runs.add(List.of("diagram", "--format", "dot", topology));
    }
    int internalErrors = 0;
    for (List<String> run : runs) {
      PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true);
      if (Drslink.execute(discard, discard, run.toArray(String[]::new)) == ExitCodes.INTERNAL_ERROR) {
        System.err.println("training: internal error in: drslink " + String.join(" ", run));
        internalErrors++;
      }
    }
    return internalErrors;
  }
}
