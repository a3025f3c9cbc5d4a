package drslink.cli;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.pipeline.Waiver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What every command shares (no singletons, no DI container): the output streams and the one {@link Pipeline}, whose
 * stages are built on first use.
 */
final class Services {
  /**
   * The benchmark's peer (scripts/bench.sh) fans 1,000 source VPCs into one VPC, past AWS's hard maximum of peerings per
   * VPC (DRS129). So that the benchmark can still compare the same resources, this system property (diagnostic codes,
   * comma-separated; not an option of any command) becomes the pipeline's {@link Waiver}. Read here and nowhere else.
   */
  static final String WAIVE_PROPERTY = "drslink.benchmark.waive";

  private final PrintWriter out;
  private final PrintWriter err;
  private final Pipeline pipeline;

  /** Where commands print: results on {@code out}, diagnostics and messages on {@code err}. */
  Services(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    this.pipeline = new Pipeline(Waiver.of(System.getProperty(WAIVE_PROPERTY), "waived by -D" + WAIVE_PROPERTY + "; for benchmarks only"));
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  Pipeline pipeline() {
    return pipeline;
  }

  /**
   * Loads the topology and prints its diagnostics; the result only when the later stages may run (no errors, and no
   * warnings under --strict). Empty means the command exits with {@link ExitCodes#INVALID_INPUT}.
   */
  Optional<Loaded> loadUsable(Path topology, CommonOptions options) {
    Loaded loaded = pipeline.load(topology);
    DiagnosticPrinter.print(loaded, options, err);
    return loaded.usable(options.strict()) ? Optional.of(loaded) : Optional.empty();
  }
}
