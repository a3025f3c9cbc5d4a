package drslink.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The top-level command, and which class or model stands behind each subcommand name. */
final class DrslinkCommand {
  /**
   * The subcommands in the order the help lists them. They are added by {@link Drslink}, so that a run of one command
   * builds that command only.
   */
  static final List<String> SUBCOMMANDS =
      List.of("validate", "plan", "generate", "check", "diagram", "preflight", "verify", "generate-completion", "gen-manpage", "schema", "help");

  private DrslinkCommand() {}

  /** {@code drslink} itself: only help, version and the subcommands. */
  static CommandSpec spec() {
    // A user object that is neither Runnable nor Callable: `drslink` alone is a usage error, as with any command group.
    CommandSpec spec =
        CommandSpecs.command(
            "drslink",
            new Object(),
            List.of("Generates Terraform that lets AWS Elastic Disaster Recovery replicate EC2 servers across regions over private networking only,"
                + " from one reviewed topology YAML file."),
            List.of(
                "  drslink validate examples/tokyo-osaka/topology.yaml",
                "  drslink plan examples/tokyo-osaka/topology.yaml",
                "  drslink generate examples/tokyo-osaka/topology.yaml --out build/tokyo-osaka",
                "",
                "Exit codes: 0 ok, 1 invalid topology or refused, 2 usage error,",
                "3 stale output (check), 4 output not writable, 5 a preflight/verify finding blocks,",
                "6 the live account could not be read, 70 internal error."))
        .versionProvider(new VersionProvider());
    return CommandSpecs.addHelpOptions(spec);
  }

  /** drslink's own command of that name, modelled for one run; empty for picocli's built-in ones ({@link #builtIn}). */
  static Optional<CommandSpec> own(String name, Services services) {
    CommandSpec spec =
        switch (name) {
          case "validate" -> new ValidateCommand(services).spec();
          case "plan" -> new PlanCommand(services).spec();
          case "generate" -> new GenerateCommand(services).spec();
          case "check" -> new CheckCommand(services).spec();
          case "diagram" -> new DiagramCommand(services).spec();
          case "preflight" -> new PreflightCommand(services).spec();
          case "verify" -> new VerifyCommand(services).spec();
          case "schema" -> new SchemaCommand(services).spec();
          default -> null;
        };
    return Optional.ofNullable(spec).map(CommandSpecs::addHelpOptions);
  }

  /** picocli's own commands among {@link #SUBCOMMANDS}. */
  private static final List<String> BUILT_IN = List.of("generate-completion", "gen-manpage", "help");

  /** picocli's own command classes, annotated; a class literal per branch, so naming one loads only that one. */
  static Class<?> builtIn(String name) {
    return switch (name) {
      case "generate-completion" -> picocli.AutoComplete.GenerateCompletion.class;
      case "gen-manpage" -> picocli.codegen.docgen.manpage.ManPageGenerator.class;
      case "help" -> picocli.CommandLine.HelpCommand.class;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /**
   * Commands that render templates ({@code generate}, and {@code check}, which renders to compare): {@link Drslink#execute}
   * starts the renderer for them before anything else.
   */
  static boolean renders(String name) {
    return name.equals("generate") || name.equals("check");
  }

  /**
   * drslink's own commands ({@link #own}): each needs no other command's model. {@code help}, completion and man pages
   * walk the whole tree.
   */
  static boolean standalone(String name) {
    return SUBCOMMANDS.contains(name) && !BUILT_IN.contains(name);
  }
}
