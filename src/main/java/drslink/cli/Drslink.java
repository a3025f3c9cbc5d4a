package drslink.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Wires the command line by hand: one {@link Services} for every command, output through picocli's writers. */
public final class Drslink {
  private Drslink() {}

  public static int execute(String... args) {
    return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /**
   * Runs one command line. When the first argument names a command that stands alone ({@code validate},
   * {@code generate}, ...), only that command's model is built: picocli reflects over every annotated class it is
   * given, and the man-page generator alone pulls in picocli's code generator. Anything else (help, usage errors at
   * the top level, completion, man pages) gets the whole tree, so what is printed is the same either way.
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    configureLibraries();
    Services services = new Services(out, err);
    if (args.length > 0 && DrslinkCommand.renders(args[0])) {
      // The template engine's start-up is the longest chain of a short generate: start it on the second core before
      // picocli builds the command model (docs/performance.md, stop 31). Without this (the whole tree, as tests build
      // it) the first render builds it on the spot.
      services.pipeline().prepareRenderer();
    }
    CommandLine cli =
        args.length > 0 && DrslinkCommand.standalone(args[0])
            ? commandLine(services, List.of(args[0]))
            : commandLine(services, DrslinkCommand.SUBCOMMANDS);
    return cli.execute(args);
  }

  /**
   * JVM-wide settings belong to whoever owns the process: the command line sets them, never a constructor, so a
   * program that uses drslink as a library keeps its own. A value the user set with {@code -D} wins.
   */
  private static void configureLibraries() {
    // Errors reach drslink as exceptions (RETHROW_HANDLER), so Freemarker has nothing to log; without this it looks
    // for a logging library and starts java.util.logging, which costs start-up time for nothing (freemarker.log.Logger).
    System.getProperties().putIfAbsent("org.freemarker.loggerLibrary", "none");
    // The AWS SDK logs through SLF4J, for which drslink ships no provider: keep its start-up notice off stderr.
    System.getProperties().putIfAbsent("slf4j.internal.verbosity", "ERROR");
    // picocli registers a converter for each java.sql and java.time type and for Path by reflection (Class.forName and
    // getDeclaredMethod, 19 per command line, 8 ms of a one-source generate's main thread). drslink converts none of
    // them but paths, which it converts itself (CommandSpecs.PathConverter).
    System.getProperties().putIfAbsent("picocli.converters.excludes", "java\\.(sql|time|nio\\.file)\\..*");
    // picocli's default factory looks for Groovy's Closure class, which drslink does not ship: a search of the whole jar
    // (its 21,000-entry directory read on the main thread, 17 ms; validate 0.106 s to 0.099 s).
    System.getProperties().putIfAbsent("picocli.disable.closures", "true");
  }

  /** The whole command tree. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(new Services(out, err), DrslinkCommand.SUBCOMMANDS);
  }

  private static CommandLine commandLine(Services services, List<String> subcommands) {
    CommandLine cli = new CommandLine(DrslinkCommand.spec());
    for (String name : subcommands) {
      Optional<CommandSpec> own = DrslinkCommand.own(name, services);
      if (own.isPresent()) {
        cli.addSubcommand(name, new CommandLine(own.get()));
      } else {
        cli.addSubcommand(DrslinkCommand.builtIn(name));
      }
    }
    if (cli.getSubcommands().containsKey("gen-manpage")) {
      describeManPageForce(cli.getSubcommands().get("gen-manpage").getCommandSpec());
    }
    cli.setOut(services.out());
    cli.setErr(services.err());
    cli.setExecutionExceptionHandler(new InternalErrorHandler());
    return cli;
  }

  /**
   * picocli's man-page generator exits 4 when a template file already exists and --force is not given. That is
   * drslink's 4, "the output could not be written"; its own description would read like a separate "exists" code
   * in drslink's man pages, so it is reworded to name drslink's meaning.
   */
  private static void describeManPageForce(CommandLine.Model.CommandSpec spec) {
    CommandLine.Model.OptionSpec force = spec.findOption("--force");
    if (force == null) {
      return;
    }
    spec.remove(force);
    spec.addOption(
        force.toBuilder()
            .description(
                "Overwrite existing man page templates. Without it (--no-force, the default), an existing template file stops the"
                    + " command with exit 4, drslink's code for output that could not be written.")
            .build());
  }

  /** An exception out of a command is a bug: {@link InternalErrorReport}. */
  private static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      return InternalErrorReport.print(e, cli.getErr(), verbosity(parsed));
    }

    private static int verbosity(CommandLine.ParseResult parsed) {
      CommandLine.ParseResult sub = parsed;
      while (sub.hasSubcommand()) {
        sub = sub.subcommand();
      }
      return sub.matchedOption("-v") == null ? 0 : sub.matchedOption("-v").<boolean[]>getValue().length;
    }
  }
}
