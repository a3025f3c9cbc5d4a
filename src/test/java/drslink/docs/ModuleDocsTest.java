package drslink.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module under modules/ has the standard files, documents each variable and output, and its README
 * shows Inputs and Outputs tables generated from variables.tf and outputs.tf (terraform-docs' check mode,
 * without the binary). Run with -Ddrslink.updateGolden=true to rewrite stale tables, then review git diff.
 */
class ModuleDocsTest {
  static final Path MODULES = Path.of("modules");
  static final List<String> STANDARD_FILES = List.of("main.tf", "variables.tf", "outputs.tf", "versions.tf", "README.md");

  static Stream<Arguments> modules() throws IOException {
    try (Stream<Path> dirs = Files.list(MODULES)) {
      return dirs.filter(Files::isDirectory).sorted().map(d -> Arguments.of(d.getFileName().toString(), d)).toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void hasTheStandardFiles(String name, Path module) {
    List<String> missing = STANDARD_FILES.stream().filter(f -> !Files.isRegularFile(module.resolve(f))).toList();
    assertEquals(List.of(), missing, "module " + name + " lacks standard files");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void documentsEveryVariableAndOutput(String name, Path module) throws IOException {
    ModuleInterface api = ModuleInterface.read(module);
    List<String> undocumented =
        Stream.concat(
                api.variables().stream()
                    .flatMap(
                        v ->
                            Stream.of(
                                v.description().filter(d -> !d.isBlank()).isEmpty() ? "variable " + v.name() + " has no description" : null,
                                v.type().isEmpty() ? "variable " + v.name() + " has no type" : null)),
                api.outputs().stream().map(o -> o.description().filter(d -> !d.isBlank()).isEmpty() ? "output " + o.name() + " has no description" : null))
            .filter(problem -> problem != null)
            .toList();
    assertEquals(List.of(), undocumented, "module " + name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void readmeTablesMatchTheModule(String name, Path module) throws IOException {
    Path readme = module.resolve("README.md");
    String current = Files.isRegularFile(readme) ? Files.readString(readme) : "# " + name + "\n";
    String generated = ReadmeDocsBlock.replace(current, MarkdownTables.render(ModuleInterface.read(module)));
    if (Boolean.getBoolean("drslink.updateGolden")) {
      if (!generated.equals(current)) {
        Files.writeString(readme, generated);
      }
      return;
    }
    assertEquals(
        generated,
        current,
        "modules/" + name + "/README.md: the Inputs/Outputs tables are stale; rerun with -Ddrslink.updateGolden=true and review git diff");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("modules")
  void readmeKeepsItsOwnTextAboveTheGeneratedBlock(String name, Path module) throws IOException {
    String readme = Files.readString(module.resolve("README.md"));
    assertTrue(readme.startsWith("# " + name + "\n"), "modules/" + name + "/README.md should open with '# " + name + "'");
    assertTrue(readme.indexOf(ReadmeDocsBlock.BEGIN) > ("# " + name).length(), "modules/" + name + "/README.md should describe the module before its tables");
  }
}
