package drslink.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Wires the command line by hand: one {@link Services} for every command, output through picocli's writers. */
public final class Drslink {
  private Drslink() {}

  public static int execute(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
  }

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new DrslinkCommand(), new ServicesFactory(new Services()));
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(new InternalErrorHandler());
    return cli;
  }

  /** Hands the shared services to commands that take them in their constructor. */
  private static final class ServicesFactory implements CommandLine.IFactory {
    private final Services services;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    ServicesFactory(Services services) {
      this.services = services;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(Services.class).newInstance(services);
      } catch (NoSuchMethodException e) {
        return fallback.create(type);
      }
    }
  }

  /** A bug: one line, and the trace only at -vv. */
  private static final class InternalErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
      PrintWriter err = cli.getErr();
      err.println("drslink: internal error: " + e + " (this is a bug in drslink; rerun with -vv for the trace and report it)");
      if (verbosity(parsed) >= 2) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
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
