package drslink.cli;

import picocli.CommandLine.Command;

@Command(
    name = "drslink",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Generates Terraform that lets AWS Elastic Disaster Recovery replicate EC2 servers across regions over private networking only,"
            + " from one reviewed topology YAML file.",
    subcommands = {ValidateCommand.class, PlanCommand.class, GenerateCommand.class, CheckCommand.class, DiagramCommand.class,
      PreflightCommand.class, VerifyCommand.class,
      picocli.AutoComplete.GenerateCompletion.class,
      picocli.codegen.docgen.manpage.ManPageGenerator.class,
      SchemaCommand.class,
      picocli.CommandLine.HelpCommand.class
    },
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
final class DrslinkCommand {}
