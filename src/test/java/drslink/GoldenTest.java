package drslink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Plan;
import drslink.testing.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated root of every example and golden topology, byte for byte (the vendored modules are checked once, by
 * VendoredModulesTest), made through the library facade: load, plan, render, write, what {@code generate} runs
 * (PipelineTest holds the command line to the facade). Expected trees live in src/test/resources/golden/<case>/expected
 * with their real file names. Run with -Ddrslink.updateGolden=true to rewrite them, then review git diff.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  /** Every examples/<name>/topology.yaml and src/test/resources/golden/<name>/topology.yaml. */
  static Stream<Arguments> cases() throws IOException {
    List<Arguments> cases = new ArrayList<>();
    for (Path root : List.of(Path.of("examples"), GOLDEN)) {
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.filter(d -> Files.isRegularFile(d.resolve("topology.yaml")))
            .sorted()
            .forEach(d -> cases.add(Arguments.of(d.getFileName().toString(), d.resolve("topology.yaml"))));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesTheExpectedTree(String name, Path topology, @TempDir Path tmp) throws IOException, drslink.write.OutputException {
    Path out = tmp.resolve("out");
    Pipeline pipeline = new Pipeline();
    Loaded loaded = pipeline.load(topology);
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    Plan plan = pipeline.plan(loaded);
    assertEquals(List.of(), pipeline.write(plan, pipeline.render(plan, pipeline.guide(loaded, plan)), out), "a fresh folder has no provider to drop");
    Map<String, String> actual = Trees.read(out);
    actual.keySet().removeIf(file -> file.startsWith("modules/")); // vendored copies: see VendoredModulesTest
    Path expectedDir = GOLDEN.resolve(name).resolve("expected");
    if (Boolean.getBoolean("drslink.updateGolden")) {
      Trees.replace(expectedDir, actual);
      return;
    }
    String diff = Trees.diff(Trees.read(expectedDir), actual);
    if (!diff.isEmpty()) {
      fail("generated tree for " + name + " differs from " + expectedDir + " (rerun with -Ddrslink.updateGolden=true and review git diff):\n" + diff);
    }
  }
}
