package drslink.cli;

import picocli.CommandLine.Command;

@Command(
    name = "drslink",
    addMethodSubcommands = false,
    versionProvider = VersionProvider.class,
    description =
        "Generates Terraform that lets AWS Elastic Disaster Recovery replicate EC2 servers across regions over private networking only,"
            + " from one reviewed topology YAML file.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  drslink validate examples/tokyo-osaka/topology.yaml",
      "  drslink plan examples/tokyo-osaka/topology.yaml",
      "  drslink generate examples/tokyo-osaka/topology.yaml --out build/tokyo-osaka",
      "",
      "Exit codes: 0 ok, 1 invalid topology or refused, 2 usage error,",
      "3 stale output (check), 4 output not writable, 5 a preflight/verify finding blocks,",
      "6 the live account could not be read, 70 internal error."
    })
final class DrslinkCommand {
  /**
   * The subcommands in the order the help lists them. They are added by {@link Drslink}, not through the annotation, so
   * that a run of one command builds (and loads the classes of) that command only.
   */
  static final java.util.List<String> SUBCOMMANDS =
      java.util.List.of("validate", "plan", "generate", "check", "diagram", "preflight", "verify", "generate-completion", "gen-manpage", "schema", "help");

  /** The command class of a name in {@link #SUBCOMMANDS}; a class literal per branch, so naming one loads only that one. */
  static Class<?> subcommand(String name) {
    return switch (name) {
      case "validate" -> ValidateCommand.class;
      case "plan" -> PlanCommand.class;
      case "generate" -> GenerateCommand.class;
      case "check" -> CheckCommand.class;
      case "diagram" -> DiagramCommand.class;
      case "preflight" -> PreflightCommand.class;
      case "verify" -> VerifyCommand.class;
      case "generate-completion" -> picocli.AutoComplete.GenerateCompletion.class;
      case "gen-manpage" -> picocli.codegen.docgen.manpage.ManPageGenerator.class;
      case "schema" -> SchemaCommand.class;
      case "help" -> picocli.CommandLine.HelpCommand.class;
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** drslink's own commands, as opposed to picocli's built-in help, completion and man-page commands. */
  static boolean isOwn(String name) {
    return standalone(name);
  }

  /** Commands that need no other command's model: {@code help}, completion and man pages walk the whole tree. */
  static boolean standalone(String name) {
    return switch (name) {
      case "validate", "plan", "generate", "check", "diagram", "preflight", "verify", "schema" -> true;
      default -> false;
    };
  }
}
