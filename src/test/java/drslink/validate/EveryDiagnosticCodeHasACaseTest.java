package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.parse.TopologyReader;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The printed line does not show the code, so this runs each invalid case through the stages directly and
 * checks that every code the parser and the rules can emit is produced by at least one case: a new rule
 * without a case fails here.
 */
class EveryDiagnosticCodeHasACaseTest {
  private static final Pattern CODE = Pattern.compile("\"(DRS\\d{3})\"");

  /** Codes whose case cannot be a committed directory, and the test that covers them instead. */
  private static final Map<String, String> ELSEWHERE =
      Map.of("DRS001", "InvalidTopologiesTest.rejectsAFileLargerThanOneMebibyteBeforeParsingIt (the file is generated)");

  @Test
  void everyCodeOfTheParserAndTheRulesIsProducedByACase() throws IOException {
    Set<String> declared = new TreeSet<>();
    for (String stage : new String[] {"parse", "validate"}) {
      try (Stream<Path> files = Files.walk(Path.of("src/main/java/drslink", stage))) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Matcher m = CODE.matcher(Files.readString(file));
          while (m.find()) {
            declared.add(m.group(1));
          }
        }
      }
    }
    Set<String> produced = new TreeSet<>(ELSEWHERE.keySet());
    for (String name : InvalidTopologiesTest.cases().toList()) {
      produced.addAll(codes(InvalidTopologiesTest.CASES.resolve(name).resolve("topology.yaml")));
    }

    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(produced);
    assertEquals(Set.of(), missing, "codes without an invalid/ case");
  }

  private static Set<String> codes(Path file) throws IOException {
    // Lenient decoding: the not-utf8 case is about the CLI's reader, not these stages.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    Diagnostics diagnostics = new Diagnostics();
    new YamlTreeReader(YamlLimits.DEFAULT)
        .read(file.toString(), text, diagnostics)
        .flatMap(root -> new TopologyReader(diagnostics).read(file.toString(), root))
        .ifPresent(topology -> new TopologyValidator().validate(topology, diagnostics));
    Set<String> codes = new TreeSet<>();
    diagnostics.sorted().stream().map(Diagnostic::code).forEach(codes::add);
    return codes;
  }
}
