package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Architecture rule: the harness knows nothing of drslink. No source file of this module imports a
 * {@code drslink.} class or reads a {@code drslink.} system property (the e2e suite maps its
 * properties onto options).
 */
class NoProductImportsTest {

  static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?drslink\\.");
  static final Pattern PROPERTY =
      Pattern.compile("(getProperty|getLong|getInteger|getBoolean)\\(\\s*\"drslink\\.");

  /** Every offending line of the .java files below {@code dir}, as file:line: text. */
  static List<String> offences(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path f : files) {
      List<String> lines = Files.readAllLines(f);
      for (int i = 0; i < lines.size(); i++) {
        String l = lines.get(i);
        if (IMPORT.matcher(l).find() || PROPERTY.matcher(l).find()) {
          out.add(f + ":" + (i + 1) + ": " + l.strip());
        }
      }
    }
    return out;
  }

  @Test
  void noSourceFileOfThisModuleImportsDrslink() throws IOException {
    List<Path> roots = List.of(Path.of("src/main/java"), Path.of("src/test/java"));
    for (Path r : roots) {
      assertTrue(Files.isDirectory(r), "run from the module folder: " + r.toAbsolutePath());
    }
    List<String> found = new ArrayList<>();
    for (Path r : roots) {
      found.addAll(offences(r));
    }
    assertEquals(List.of(), found);
  }

  @Test
  void theRuleCatchesAnImportAndAPropertyRead(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Files.writeString(
        tmp.resolve("Bad.java"),
        "package x;\nimport drslink.e2e.Workspace;\nimport static drslink.cli.Main.main;\n"
            + "class Bad { String t = System.getProperty(\"drslink.e2e.tfLog\"); }\n");
    assertEquals(3, offences(tmp).size(), offences(tmp).toString());
  }
}
