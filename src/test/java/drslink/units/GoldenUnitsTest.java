package drslink.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import drslink.pipeline.Loaded;
import drslink.pipeline.Pipeline;
import drslink.plan.Guide;
import drslink.plan.Plan;
import drslink.testing.Trees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The units layout of a two-account example, a three-account golden topology, a one-account two-region example and
 * a transit gateway peering that two links share,
 * byte for byte (vendored modules are left out, as in GoldenTest), written the way {@code generate --layout units}
 * writes it. Expected trees: src/test/resources/golden-units/<case>/expected; -Ddrslink.updateGolden=true rewrites them.
 */
class GoldenUnitsTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden-units");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("cross-account", Path.of("examples/cross-account/topology.yaml")),
        Arguments.of("failback-accounts", Path.of("src/test/resources/golden/failback-accounts/topology.yaml")),
        Arguments.of("tokyo-osaka", Path.of("examples/tokyo-osaka/topology.yaml")),
        Arguments.of("tgw-shared-peering", Path.of("src/test/resources/golden/tgw-shared-peering/topology.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesTheExpectedUnits(String name, Path topology, @TempDir Path tmp) throws IOException, drslink.write.OutputException {
    Path out = tmp.resolve("out");
    Pipeline pipeline = new Pipeline();
    Loaded loaded = pipeline.load(topology);
    assertTrue(loaded.usable(false), () -> loaded.diagnostics().sorted().toString());
    Plan plan = pipeline.plan(loaded);
    Guide guide = pipeline.guide(loaded, plan);
    assertEquals(List.of(), pipeline.write(plan, Layout.units.render(plan, p -> pipeline.render(p, guide)), out));
    Map<String, String> actual = Trees.read(out);
    actual.keySet().removeIf(file -> file.contains("/modules/"));
    Path expectedDir = GOLDEN.resolve(name).resolve("expected");
    if (Boolean.getBoolean("drslink.updateGolden")) {
      Trees.replace(expectedDir, actual);
      return;
    }
    String diff = Trees.diff(Trees.read(expectedDir), actual);
    if (!diff.isEmpty()) {
      fail("units of " + name + " differ from " + expectedDir + " (rerun with -Ddrslink.updateGolden=true and review git diff):\n" + diff);
    }
  }
}
