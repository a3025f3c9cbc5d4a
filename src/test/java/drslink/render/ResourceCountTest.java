package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.plan.PlannedResource;
import drslink.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One count everywhere (issue 23): regions are regions, not (account, region) pairs, and data reads are not resources. */
class ResourceCountTest {
  @Test
  void countsRegionsAndAccountsApartAndReadsApartFromCreates() {
    List<PlannedResource> resources =
        List.of(
            new PlannedResource("eu-west-1", "prod", "data.aws_vpc.prod[\"a\"]", "aws_vpc", "reads a"),
            new PlannedResource("eu-west-1", "dr", "module.x.aws_vpc_endpoint.drs", "aws_vpc_endpoint", "e"),
            new PlannedResource("eu-west-1", "prod", "module.y.aws_route.this", "aws_route", "r"),
            new PlannedResource("eu-north-1", "dr", "module.z.aws_route.this", "aws_route", "r"));
    ResourceCount count = ResourceCount.of(resources);
    assertEquals(new ResourceCount(3, 1, 2, 2), count);
    assertEquals("3 to create and 1 to read (data sources) in 2 regions and 2 accounts", count.sentence());
  }

  @Test
  void planTextJsonAndGenerateAgree(@TempDir Path out) throws Exception {
    String topology = "examples/cross-account/topology.yaml";
    CliRun text = CliRun.of("plan", topology);
    JsonNode summary = new ObjectMapper().readTree(CliRun.of("plan", "--format", "json", topology).out()).get("summary");
    String sentence = new ResourceCount(summary.get("create").asLong(), summary.get("read").asLong(), summary.get("regions").asInt(), summary.get("accounts").asInt()).sentence();
    assertEquals("62 to create and 3 to read (data sources) in 3 regions and 2 accounts", sentence);
    assertTrue(text.out().contains("Plan: " + sentence + "."), text.out());
    CliRun generate = CliRun.of("generate", topology, "--out", out.resolve("root").toString());
    assertTrue(generate.out().contains("(" + sentence + ")"), generate.out());
  }

  @Test
  void jsonGivesDataReadsTheirTerraformType() throws Exception {
    JsonNode resources = new ObjectMapper().readTree(CliRun.of("plan", "--format", "json", "examples/tokyo-osaka/topology.yaml").out()).get("resources");
    for (JsonNode r : resources) {
      assertTrue(r.get("type").asText().matches("[a-z0-9_]+"), r.toString());
    }
  }
}
