package drslink.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Options every command that reads a topology shares. */
final class CommonOptions {
  private final OptionSpec strict =
      CommandSpecs.flag(
          "Treat warnings as errors: a warning about the topology exits 1; in preflight and verify, a warning about the live account exits 5. Acknowledged warnings (acknowledge: in the topology) do not count.",
          "--strict");

  private final OptionSpec verbose =
      OptionSpec.builder("-v", "--verbose")
          .type(boolean[].class)
          .arity("0")
          .initialValue(new boolean[0])
          .hasInitialValue(true)
          .description("More output; -vv also prints stack traces of internal errors.")
          .build();

  private final OptionSpec quiet = CommandSpecs.flag("Print only errors.", "-q", "--quiet");

  /** Adds these options to a command. */
  CommandSpec addTo(CommandSpec spec) {
    return spec.addOption(strict).addOption(verbose).addOption(quiet);
  }

  boolean strict() {
    return strict.<Boolean>getValue();
  }

  boolean quiet() {
    return quiet.<Boolean>getValue();
  }

  /** How many times -v was given. */
  int verbosity() {
    return verbose.<boolean[]>getValue().length;
  }
}
