package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways out of "drslink creates the region's one DRS template" (topology.md, "DRS replication
 * settings"): existing_template_id adopts it with an import block, manage_template: false renders none and
 * leaves the values to set by hand in the generated README.
 */
class TemplateAdoptionTest {
  private static final String EXAMPLE = "examples/tokyo-osaka/topology.yaml";

  private static Path topology(Path tmp, String settings) throws IOException {
    String text =
        Files.readString(Path.of(EXAMPLE))
            .replace("    settings:\n      replication_server_instance_type: t3.small\n", "    settings:\n" + settings + "      replication_server_instance_type: t3.small\n");
    assertTrue(text.contains(settings), "the example's settings block moved; update this test");
    return Files.writeString(tmp.resolve("topology.yaml"), text);
  }

  @Test
  void anExistingTemplateIsImportedNotCreatedAgain(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("generate", "-q", topology(tmp, "      existing_template_id: rct-0123456789abcdefA\n").toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    String main = Files.readString(out.resolve("main.tf"));
    assertTrue(
        main.contains(
            "import {\n  to = module.drs_settings_ap_northeast_3.aws_drs_replication_configuration_template.this\n  id = \"rct-0123456789abcdefA\"\n}"),
        main);
    assertTrue(main.contains("module \"drs_settings_ap_northeast_3\""), main);
    String moved = Files.readString(out.resolve("moved.tf"));
    assertFalse(moved.contains("module.drs_settings_"), "an adopted template comes through its import, not a move: " + moved);
    assertTrue(Files.readString(out.resolve("README.md")).contains("Adopted: the region's existing template `rct-0123456789abcdefA`"));
  }

  @Test
  void anUnmanagedTemplateIsLeftToTheOperatorWithItsValues(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    CliRun run = CliRun.of("generate", topology(tmp, "      manage_template: false\n").toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("manage_template: false: drslink renders no DRS replication template"), run.err());
    String main = Files.readString(out.resolve("main.tf"));
    assertFalse(main.contains("drs-replication-settings"), main);
    String readme = Files.readString(out.resolve("README.md"));
    assertTrue(readme.contains("Not managed by drslink (`manage_template: false`)"), readme);
    assertTrue(readme.contains("--staging-area-subnet-id subnet-0cccccccccccccccc"), readme);
    assertTrue(readme.contains("--data-plane-routing PRIVATE_IP --no-create-public-ip"), readme);
  }

  @Test
  void aTemplateOf010MovesToItsAccountAndRegionAddress(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    assertEquals(0, CliRun.of("generate", "-q", EXAMPLE, "--out", out.toString()).exitCode());

    String moved = Files.readString(out.resolve("moved.tf"));
    assertTrue(moved.contains("moved {\n  from = module.drs_settings_app_to_osaka\n  to   = module.drs_settings_ap_northeast_3\n}"), moved);
  }
}
