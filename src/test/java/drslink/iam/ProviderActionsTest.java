package drslink.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The action table covers every block the vendored modules declare, and only in the services this root uses. */
class ProviderActionsTest {
  private static final Pattern BLOCK = Pattern.compile("(?m)^(resource|data) \"([a-z0-9_]+)\"");
  private static final Set<String> SERVICES = Set.of("ec2", "route53", "route53resolver", "drs", "sts", "iam");

  /** module folder to the types its .tf files declare: resources as "aws_x", data sources as "data.aws_x". */
  private static Map<String, Set<String>> moduleBlocks() throws IOException {
    Map<String, Set<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of("modules"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
        Matcher m = BLOCK.matcher(Files.readString(f));
        while (m.find()) {
          out.computeIfAbsent(f.getParent().getFileName().toString(), k -> new TreeSet<>()).add((m.group(1).equals("data") ? "data." : "") + m.group(2));
        }
      }
    }
    return out;
  }

  @Test
  void everyBlockInTheModulesHasARow() throws IOException {
    Map<String, Set<String>> blocks = moduleBlocks();
    assertTrue(blocks.containsKey("drs-endpoints"), blocks.toString());
    blocks.values().stream().flatMap(Set::stream).forEach(type -> assertEquals(type, ProviderActions.of(type).type()));
  }

  @Test
  void moduleDataSourcesAreTheDataBlocksOfEachModule() throws IOException {
    Map<String, Set<String>> data = new TreeMap<>();
    moduleBlocks().forEach((module, types) -> types.stream().filter(t -> t.startsWith("data.")).forEach(t -> data.computeIfAbsent(module, k -> new TreeSet<>()).add(t)));
    Map<String, Set<String>> listed = new TreeMap<>();
    ProviderActions.MODULE_DATA_SOURCES.forEach((module, types) -> listed.put(module, new TreeSet<>(types)));
    assertEquals(data, listed);
  }

  @Test
  void rowsNameActionsOfThisRootsServicesAndASource() {
    List<ProviderActions.Row> rows = ProviderActions.all();
    assertFalse(rows.isEmpty());
    for (ProviderActions.Row row : rows) {
      assertTrue(row.source().startsWith("http"), row.type() + ": " + row.source());
      for (String action : row.actions()) {
        assertTrue(action.matches("[a-z0-9]+:[A-Z][A-Za-z0-9]+"), row.type() + ": " + action);
        assertTrue(SERVICES.contains(action.substring(0, action.indexOf(':'))), row.type() + ": " + action);
      }
      assertEquals(new TreeSet<>(row.actions()).size(), row.actions().size(), "duplicate action in " + row.type());
    }
    assertTrue(ProviderActions.of("terraform_data").actions().isEmpty(), "terraform_data calls no AWS API");
  }

  @Test
  void docsListEveryRowWithItsActions() throws IOException {
    String doc = Files.readString(Path.of("docs/iam.md"));
    for (ProviderActions.Row row : ProviderActions.all()) {
      String line = doc.lines().filter(l -> l.startsWith("| `" + row.type() + "` |")).findFirst().orElseThrow(() -> new AssertionError("docs/iam.md has no row for " + row.type()));
      row.actions().forEach(a -> assertTrue(line.contains("`" + a + "`"), row.type() + " lacks " + a + " in docs/iam.md"));
    }
  }
}
