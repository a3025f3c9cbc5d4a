package drslink.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --format json --layout units}: the unit graph of units.json, for engines that read the plan. */
class UnitsPlanJsonTest {
  /** Three accounts, each with its own units, and a second phase in two of them. */
  static final String THREE_ACCOUNTS = "src/test/resources/golden/failback-accounts/topology.yaml";

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void thePlanCarriesTheSameGraphAsUnitsJsonInApplyOrder() throws IOException {
    CliRun plan = CliRun.of("plan", "--format", "json", "--layout", "units", THREE_ACCOUNTS);
    assertEquals(0, plan.exitCode(), plan.err());
    JsonNode report = json.readTree(plan.out());
    assertEquals("units", report.get("layout").asText());
    assertTrue(report.get("resources").size() > 0, "still the whole plan report");

    Path out = tmp.resolve("units");
    assertEquals(0, CliRun.of("generate", "-q", THREE_ACCOUNTS, "--out", out.toString(), "--layout", "units").exitCode());
    JsonNode unitsJson = json.readTree(Files.readString(out.resolve("units.json")));
    assertEquals(unitsJson.get("units"), report.get("units"), "plan --layout units and units.json hold the same graph");

    // The graph itself, for this three-account topology: the source accounts first, the dr account after both
    // (it accepts their peerings and aliases their endpoints), then each source account's second phase.
    List<String> order = new ArrayList<>();
    Map<String, Integer> waves = new HashMap<>();
    Set<String> accounts = new HashSet<>();
    for (JsonNode u : report.get("units")) {
      String dir = u.get("dir").asText();
      for (JsonNode d : u.get("depends_on")) {
        assertTrue(order.contains(d.asText()), dir + " depends on " + d.asText() + ", which must come before it");
        assertTrue(waves.get(d.asText()) < u.get("wave").asInt(), dir + " is in a later wave than " + d.asText());
      }
      for (JsonNode in : u.get("inputs")) {
        assertTrue(containsText(u.get("depends_on"), in.get("from").asText()), dir + " takes " + in.get("variable").asText() + " from a unit it depends on");
      }
      order.add(dir);
      waves.put(dir, u.get("wave").asInt());
      accounts.add(u.get("account").asText());
    }
    assertEquals(
        List.of("prod/ap-northeast-1", "shared-services/ap-northeast-1", "dr/ap-northeast-3", "prod/ap-northeast-1-phase-2", "shared-services/ap-northeast-1-phase-2"),
        order);
    assertEquals(Map.of("prod/ap-northeast-1", 0, "shared-services/ap-northeast-1", 0, "dr/ap-northeast-3", 1, "prod/ap-northeast-1-phase-2", 2, "shared-services/ap-northeast-1-phase-2", 2), waves);
    assertEquals(Set.of("prod", "shared-services", "dr"), accounts);
    JsonNode dr = report.get("units").get(2);
    assertEquals("333333333333", dr.get("account_id").asText());
    assertEquals("ap-northeast-3", dr.get("region").asText());
    assertTrue(containsText(dr.get("depends_on"), "shared-services/ap-northeast-1"));
    assertTrue(dr.get("state_moves").size() > 0);
  }

  @Test
  void withoutTheOptionThePlanHasNoUnitsAndTextListsTheWaves() throws IOException {
    JsonNode single = json.readTree(CliRun.of("plan", "--format", "json", THREE_ACCOUNTS).out());
    assertFalse(single.has("units") || single.has("layout"), "the single root's report is unchanged");

    CliRun text = CliRun.of("plan", "--layout", "units", THREE_ACCOUNTS);
    assertEquals(0, text.exitCode(), text.err());
    assertTrue(text.out().contains("| 1 | dr/ap-northeast-3 | dr (333333333333) | ap-northeast-3 | prod/ap-northeast-1, shared-services/ap-northeast-1 |"), text.out());
  }

  private static boolean containsText(JsonNode array, String text) {
    for (JsonNode n : array) {
      if (n.asText().equals(text)) {
        return true;
      }
    }
    return false;
  }
}
