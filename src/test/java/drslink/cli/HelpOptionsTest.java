package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import org.junit.jupiter.api.Test;

/**
 * drslink adds {@code -h/--help} and {@code -V/--version} itself ({@link CommandSpecs.addHelpOptions}) instead of through
 * {@code mixinStandardHelpOptions}: these hold them to what picocli's mixin declares, on every command.
 */
class HelpOptionsTest {

  @Test
  void theOptionsArePicocliStandardOnes() {
    CommandSpec ours = CommandSpec.create();
    CommandSpecs.addHelpOptions(ours);
    CommandSpec picocli = CommandSpec.create().mixinStandardHelpOptions(true);
    assertEquals(describe(picocli.options()), describe(ours.options()));
  }

  @Test
  void everyCommandOfTheWholeTreeHasThemOnce() {
    CommandLine cli = Drslink.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    Stream.concat(Stream.of(cli), cli.getSubcommands().values().stream())
        .forEach(
            c -> {
              long help = c.getCommandSpec().options().stream().filter(OptionSpec::usageHelp).count();
              long version = c.getCommandSpec().options().stream().filter(OptionSpec::versionHelp).count();
              assertEquals(1, help, c.getCommandName() + ": usage help options");
              assertEquals(c.getCommandName().equals("help") ? 0 : 1, version, c.getCommandName() + ": version help options");
            });
  }

  private static List<String> describe(List<OptionSpec> options) {
    return options.stream()
        .map(
            o ->
                Arrays.toString(o.names())
                    + " usageHelp=" + o.usageHelp()
                    + " versionHelp=" + o.versionHelp()
                    + " key=" + o.descriptionKey()
                    + " description=" + Arrays.toString(o.description())
                    + " arity=" + o.arity()
                    + " type=" + o.type())
        .toList();
  }
}
