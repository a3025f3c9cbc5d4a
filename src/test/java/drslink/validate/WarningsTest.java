package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.validate.InvalidTopologiesTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Warnings leave a topology valid (exit 0, the warning on stderr) and {@code --strict} turns exactly those
 * lines into errors (exit 1). The {@code strict-*} cases of {@link InvalidTopologiesTest} hold the strict
 * output; this runs the same files without the flag.
 */
class WarningsTest {
  private static final String SINGLE_SUBNET = InvalidTopologiesTest.topologyPath("strict-single-endpoint-subnet");
  private static final String FAILBACK_FALSE = InvalidTopologiesTest.topologyPath("strict-failback-false");

  @Test
  void warnsAboutASingleEndpointSubnetButAcceptsIt() {
    Run run = Run.of("validate", SINGLE_SUBNET);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(SINGLE_SUBNET + ": valid\n", run.out());
    assertEquals(
        SINGLE_SUBNET
            + ":19:31: warning: VPC dr has a single endpoint subnet: the DRS and S3 endpoints have no AZ redundancy (hint: list a subnet in a second Availability Zone)\n",
        run.err());
  }

  @Test
  void rejectsASingleEndpointSubnetWithStrict() {
    Run run = Run.of("validate", "--strict", SINGLE_SUBNET);

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(SINGLE_SUBNET + ":19:31: error: VPC dr has a single endpoint subnet"), run.err());
  }

  @Test
  void warnsAboutFailbackFalseButAcceptsIt() {
    Run run = Run.of("validate", FAILBACK_FALSE);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(FAILBACK_FALSE + ": valid\n", run.out());
    assertEquals(
        FAILBACK_FALSE
            + ":28:15: warning: replication app-to-osaka has no private failback path: failing back would need public DRS endpoints or the agent's --endpoint flag, which AWS advises against on EC2 (hint: set failback: true and give a source VPC endpoint_subnet_ids and staging_subnet_id)\n",
        run.err());
  }

  @Test
  void theFailbackAccountsGoldenIsValidWithoutWarnings() {
    // Two source accounts in Tokyo, each with its own failback landing: nothing is chosen by name, nothing unused.
    String golden = "src/test/resources/golden/failback-accounts/topology.yaml";
    Run run = Run.of("validate", "--strict", golden);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void aPinnedRegionSharingItsEndpointsIsNotWarnedAbout() {
    // Osaka has two targets, both linked to dr, and endpoints_vpc: dr. Sharing is then a choice, so
    // DRS101 (the hub could move) stays silent. Reported are web-to-analytics' missing failback, and
    // (DRS201) that analytics shares Osaka's one DRS template, which names dr's staging subnet.
    String pinned = "src/test/resources/golden/pinned-endpoints/topology.yaml";
    Run run = Run.of("validate", pinned);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(2, run.err().lines().count(), run.err());
    assertTrue(run.err().contains("warning: replication web-to-analytics has no private failback path"), run.err());
    assertTrue(run.err().contains("warning: target analytics shares the one DRS template of ap-northeast-3 with dr"), run.err());
    assertFalse(run.err().contains("hub could move"), run.err());
  }

  @Test
  void rejectsFailbackFalseWithStrict() {
    Run run = Run.of("validate", "--strict", FAILBACK_FALSE);

    assertEquals(1, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith(FAILBACK_FALSE + ":28:15: error: replication app-to-osaka has no private failback path"), run.err());
  }

  static Stream<String> strictCases() throws IOException {
    return InvalidTopologiesTest.cases().filter(name -> name.startsWith("strict-"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("strictCases")
  void acceptsWithTheSameLinesAsWarningsWithoutStrict(String name) throws IOException {
    String path = InvalidTopologiesTest.topologyPath(name);
    String strict = Files.readString(InvalidTopologiesTest.CASES.resolve(name).resolve("expected.txt"));
    String asWarnings = strict.replace(": error: ", ": warning: ").replace(" [--strict] (hint: ", " (hint: ");

    Run run = Run.of("validate", path);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(path + ": valid\n", run.out());
    assertEquals(asWarnings, run.err());
  }
}
