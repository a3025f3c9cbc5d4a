package drslink.cli;

import picocli.CommandLine.Option;

/** Options every command that reads a topology shares. */
final class CommonOptions {
  @Option(
      names = "--strict",
      description = "Treat warnings as errors: a warning about the topology exits 1; in preflight and verify, a warning about the live account exits 5. Acknowledged warnings (acknowledge: in the topology) do not count.")
  boolean strict;

  @Option(names = {"-v", "--verbose"}, description = "More output; -vv also prints stack traces of internal errors.")
  boolean[] verbose = new boolean[0];

  @Option(names = {"-q", "--quiet"}, description = "Print only errors.")
  boolean quiet;
}
