package drslink.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The command lines pipelines run most ({@code validate}, {@code generate} and {@code check} with a topology file and
 * the usual options), parsed without picocli. Building picocli's model reflects over the annotations and registers
 * every converter: about 100 ms, a quarter of a small {@code generate} (README "Performance"). Everything else, and
 * every line with a mistake in it, goes to picocli, so help, versions and usage errors stay picocli's word for word.
 * FastCommandLineTest runs the lines this accepts through picocli too and compares the output, and checks {@link
 * #SHAPES} against the annotations.
 */
final class FastCommandLine {
  /**
   * What the fast path knows of a command: its boolean flags and its options that take one value (every name of
   * each, mapped to one canonical name). A command has exactly one positional parameter, the topology.
   */
  record Shape(Map<String, String> flags, Map<String, String> valued) {}

  private static final Map<String, String> COMMON_FLAGS = Map.of("--strict", "strict", "-q", "quiet", "--quiet", "quiet", "-v", "verbose", "--verbose", "verbose");
  private static final Map<String, String> OUT = Map.of("-o", "out", "--out", "out");

  static final Map<String, Shape> SHAPES =
      Map.of(
          "validate", new Shape(COMMON_FLAGS, Map.of()),
          "generate", new Shape(with(COMMON_FLAGS, "--check", "check"), OUT),
          "check", new Shape(COMMON_FLAGS, OUT));

  /** A line the fast path accepts: the command, its topology, the boolean flags given (canonical names; -v counts), --out. */
  record Parsed(String command, Path topology, Set<String> flags, int verbosity, Optional<Path> out) {}

  private FastCommandLine() {}

  /** Runs the line when the fast path accepts it; empty when picocli must. */
  static OptionalInt run(Services services, String... args) {
    Optional<Parsed> parsed = parse(args);
    if (parsed.isEmpty()) {
      return OptionalInt.empty();
    }
    int status;
    try {
      status = command(services, parsed.get()).call();
    } catch (Exception e) {
      status = InternalErrorReport.print(e, services.err(), parsed.get().verbosity());
    }
    services.out().flush();
    services.err().flush();
    return OptionalInt.of(status);
  }

  /**
   * The line, when it is one the fast path takes: a known command, one topology, known options each given once (-v
   * may repeat, also as -vv), and every option that takes a value followed by one. Anything else is picocli's.
   */
  static Optional<Parsed> parse(String... args) {
    if (args.length < 2 || !SHAPES.containsKey(args[0])) {
      return Optional.empty();
    }
    Shape shape = SHAPES.get(args[0]);
    Set<String> flags = new HashSet<>();
    int verbosity = 0;
    Path topology = null;
    Path out = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.isEmpty() || arg.startsWith("@")) {
        return Optional.empty(); // @file is picocli's argument file
      } else if (shape.valued().containsKey(arg)) {
        if (out != null || i + 1 == args.length || args[i + 1].isEmpty() || args[i + 1].startsWith("-") || args[i + 1].startsWith("@")) {
          return Optional.empty();
        }
        out = path(args[++i]);
        if (out == null) {
          return Optional.empty();
        }
      } else if (isVerbosity(arg)) {
        verbosity += arg.length() - 1;
      } else if (shape.flags().containsKey(arg)) {
        String flag = shape.flags().get(arg);
        if (flag.equals("verbose")) {
          verbosity++;
        } else if (!flags.add(flag)) {
          return Optional.empty(); // picocli refuses a flag given twice
        }
      } else if (arg.startsWith("-") || topology != null) {
        return Optional.empty();
      } else {
        topology = path(arg);
        if (topology == null) {
          return Optional.empty();
        }
      }
    }
    boolean needsOut = !shape.valued().isEmpty();
    if (topology == null || (needsOut && out == null)) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(args[0], topology, flags, verbosity, Optional.ofNullable(out)));
  }

  /** -v, -vv, -vvv: picocli's clustered short form of a repeated -v. */
  private static boolean isVerbosity(String arg) {
    if (arg.length() < 2 || arg.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < arg.length(); i++) {
      if (arg.charAt(i) != 'v') {
        return false;
      }
    }
    return true;
  }

  private static Path path(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The same command object picocli would build, with the fields picocli would set. */
  private static Callable<Integer> command(Services services, Parsed line) {
    CommonOptions options = new CommonOptions();
    options.strict = line.flags().contains("strict");
    options.quiet = line.flags().contains("quiet");
    options.verbose = new boolean[line.verbosity()];
    Arrays.fill(options.verbose, true);
    return switch (line.command()) {
      case "validate" -> {
        ValidateCommand command = new ValidateCommand(services);
        command.options = options;
        command.topology = line.topology();
        yield command;
      }
      case "generate" -> {
        GenerateCommand command = new GenerateCommand(services);
        command.options = options;
        command.topology = line.topology();
        command.out = line.out().orElseThrow();
        command.check = line.flags().contains("check");
        yield command;
      }
      case "check" -> {
        CheckCommand command = new CheckCommand(services);
        command.options = options;
        command.topology = line.topology();
        command.out = line.out().orElseThrow();
        yield command;
      }
      default -> throw new IllegalStateException("no fast path for " + line.command());
    };
  }

  private static Map<String, String> with(Map<String, String> base, String name, String canonical) {
    Map<String, String> all = new HashMap<>(base);
    all.put(name, canonical);
    return Map.copyOf(all);
  }
}
