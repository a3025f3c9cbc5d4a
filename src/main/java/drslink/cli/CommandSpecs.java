package drslink.cli;

import drslink.units.Layout;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * drslink's commands are modelled with picocli's programmatic API, not with its annotations. To read annotations the JVM
 * generates a proxy class for each annotation type and picocli reflects over every member of each command: building
 * the model took 67 ms of a one-source {@code generate}'s main thread, 38 ms this way (docs/performance.md, stop 31).
 * The model is the same one picocli would build from the annotations, and the only one: help, completion and man
 * pages print from it ({@code HelpGoldenTest}). These are the pieces the commands share, each with what the
 * annotation would have meant.
 */
final class CommandSpecs {
  /** The heading above each command's examples. */
  static final String EXAMPLES = "%nExamples:%n";

  private CommandSpecs() {}

  /**
   * A command named {@code name} that runs {@code command} (a {@code Callable}): its description (a line each) and its
   * examples under the {@link #EXAMPLES} heading. {@link #addHelpOptions} comes last.
   */
  static CommandSpec command(String name, Object command, List<String> description, List<String> examples) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.usageMessage().description(description.toArray(String[]::new)).footerHeading(EXAMPLES).footer(examples.toArray(String[]::new));
    return spec;
  }

  /**
   * {@code -h/--help} and {@code -V/--version}, with the names, texts and description keys of picocli's {@code
   * mixinStandardHelpOptions}, which would build them by reflecting over its mixin class, and where the mixin puts
   * them: after the command's own options (completion scripts list options in that order). {@code HelpOptionsTest}
   * holds them to picocli's own.
   */
  static CommandSpec addHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .descriptionKey("mixinStandardHelpOptions.help")
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .descriptionKey("mixinStandardHelpOptions.version")
            .description("Print version information and exit.")
            .build());
    return spec;
  }

  /** The first positional parameter of every command that reads a topology. */
  static PositionalParamSpec topology() {
    return PositionalParamSpec.builder()
        .index("0")
        .arity("1")
        .required(true)
        .paramLabel("TOPOLOGY")
        .type(Path.class)
        .converters(new PathConverter())
        .description("The topology YAML file.")
        .build();
  }

  /** An option that takes one value of {@code type}: a path ({@link PathConverter}), or what picocli converts itself. */
  static OptionSpec.Builder option(Class<?> type, String paramLabel, String description, String... names) {
    OptionSpec.Builder option = OptionSpec.builder(names).type(type).paramLabel(paramLabel).description(description);
    return type == Path.class ? option.converters(new PathConverter()) : option;
  }

  /** An option without a value: false unless given. */
  static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false).hasInitialValue(true).description(description).build();
  }

  /** {@code --layout}: single unless given; what it means is the command's own {@code description}. */
  static OptionSpec layout(String description) {
    return option(Layout.class, "LAYOUT", description, "--layout").initialValue(Layout.single).hasInitialValue(true).build();
  }

  /**
   * Paths are converted here: picocli's own converter for them is one of the 19 it finds by reflection, which the command
   * line switches off ({@code Drslink.configureLibraries}). Same value ({@code Paths.get}) and same message as picocli's.
   */
  private static final class PathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new TypeConversionException(String.format("cannot convert '%s' to %s (%s)", value, Path.class, e));
      }
    }
  }
}
