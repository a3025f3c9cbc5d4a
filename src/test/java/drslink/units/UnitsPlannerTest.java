package drslink.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.pipeline.Pipeline;
import drslink.plan.Plan;
import drslink.plan.PlannedResource;
import drslink.render.RenderedTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UnitsPlannerTest {
  private final Pipeline pipeline = new Pipeline();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "examples/cross-account/topology.yaml",
        "examples/tokyo-osaka/topology.yaml",
        "examples/fan-in/topology.yaml",
        "examples/hybrid/topology.yaml",
        "src/test/resources/golden/failback-accounts/topology.yaml",
        "src/test/resources/golden/cross-account-fan-in/topology.yaml",
        "src/test/resources/golden/bidirectional/topology.yaml",
        "src/test/resources/golden/many-replications/topology.yaml",
        "examples/transit-gateway/topology.yaml",
        "src/test/resources/golden/tgw-shared-peering/topology.yaml",
        "src/test/resources/units/org-3a-3r-4s/topology.yaml"
      })
  void everyResourceLandsInExactlyOneUnitOfItsOwnAccountAndRegion(String topology) {
    Plan plan = Units.plan(pipeline, topology);
    UnitsLayout layout = new UnitsPlanner().plan(plan);
    List<String> expected = plan.modules().stream().flatMap(m -> m.resources().stream()).map(UnitsPlannerTest::key).sorted().toList();
    List<String> actual = new ArrayList<>();
    for (Unit unit : layout.units()) {
      assertEquals(List.of(unit.provider()), unit.plan().providers(), unit.dir() + " has exactly its own provider");
      for (PlannedResource r : unit.plan().modules().stream().flatMap(m -> m.resources().stream()).toList()) {
        assertEquals(unit.provider().region(), r.region(), r.address());
        assertEquals(unit.provider().accountName(), r.account(), r.address());
        actual.add(key(r));
      }
      assertTrue(unit.plan().vpcs().stream().allMatch(v -> v.providerAlias().equals(unit.provider().alias())), unit.dir() + " reads only its own VPCs");
    }
    assertEquals(expected, actual.stream().sorted().toList(), "the units together make what the single root makes, once");
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/cross-account/topology.yaml", "src/test/resources/golden/failback-accounts/topology.yaml"})
  void aUnitsFilesNameNoOtherProviderAndEveryVariableComesFromAnEarlierUnit(String topology) {
    Plan plan = Units.plan(pipeline, topology);
    UnitsLayout layout = new UnitsPlanner().plan(plan);
    RenderedTree tree = new UnitsRenderer(Units.renderer(pipeline, topology)).render(layout);
    Pattern provider = Pattern.compile("(?<![A-Za-z0-9_.])aws\\.([a-z0-9_]+)");
    Map<String, Integer> wave = layout.units().stream().collect(Collectors.toMap(Unit::dir, layout::wave));
    for (Unit unit : layout.units()) {
      String main = tree.files().get(unit.dir() + "/main.tf");
      // comments may name the other side of a split step; the code may not
      Matcher m = provider.matcher(main.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n")));
      while (m.find()) {
        assertEquals(unit.provider().alias(), m.group(1), unit.dir() + "/main.tf uses only its own provider");
      }
      String providers = tree.files().get(unit.dir() + "/providers.tf");
      assertEquals(1, providers.split("provider \"aws\"", -1).length - 1, unit.dir() + " configures one provider");
      if (unit.provider().roleArn() != null) {
        assertTrue(providers.contains(unit.provider().roleArn()), "the topology's own role for the account");
      }
      assertFalse(providers.contains(":role/") && !providers.contains(unit.provider().accountId()), "no role of another account");
      for (UnitInput in : unit.inputs()) {
        assertTrue(wave.get(in.fromDir()) < wave.get(unit.dir()), in.name() + " comes from an earlier wave");
        assertTrue(tree.files().get(in.fromDir() + "/outputs.tf").contains("output \"" + in.name() + "\""), in.fromDir() + " outputs " + in.name());
        assertTrue(main.contains("var." + in.name()), unit.dir() + " uses " + in.name());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "examples/cross-account/topology.yaml",
        "examples/tokyo-osaka/topology.yaml",
        "src/test/resources/golden/failback-accounts/topology.yaml",
        "src/test/resources/golden/tgw-shared-peering/topology.yaml",
        "src/test/resources/units/org-3a-3r-4s/topology.yaml"
      })
  void theStateMovesCoverEveryResourceOnceAndOnlyInItsUnit(String topology) {
    Plan plan = Units.plan(pipeline, topology);
    UnitsLayout layout = new UnitsPlanner().plan(plan);
    for (PlannedResource r : plan.modules().stream().flatMap(m -> m.resources().stream()).toList()) {
      List<String> movedBy = new ArrayList<>();
      for (Unit unit : layout.units()) {
        for (String move : UnitsRenderer.stateMoves(unit)) {
          if (r.address().equals(move) || r.address().startsWith(move + ".") || r.address().startsWith(move + "[")) {
            movedBy.add(unit.dir() + " " + move);
            assertTrue(unit.plan().resources().stream().anyMatch(x -> x.address().equals(r.address())), r.address() + " moves to the unit that makes it");
          }
        }
      }
      assertEquals(1, movedBy.size(), r.address() + " is moved exactly once: " + movedBy);
    }
  }

  @Test
  void crossAccountStepsAreSplitBetweenTheTwoAccounts() {
    UnitsLayout layout = new UnitsPlanner().plan(Units.plan(pipeline, "examples/cross-account/topology.yaml"));
    Map<String, Set<String>> types =
        layout.units().stream().collect(Collectors.toMap(Unit::dir, u -> u.plan().modules().stream().flatMap(m -> m.resources().stream()).map(PlannedResource::type).collect(Collectors.toSet())));
    assertTrue(types.get("prod/eu-central-1").contains("aws_vpc_peering_connection"));
    assertFalse(types.get("prod/eu-central-1").contains("aws_vpc_peering_connection_accepter"));
    assertTrue(types.get("dr/eu-north-1").contains("aws_vpc_peering_connection_accepter"));
    assertTrue(types.get("dr/eu-north-1").contains("aws_route53_vpc_association_authorization"));
    assertFalse(types.get("dr/eu-north-1").contains("aws_route53_zone_association"));
    assertTrue(types.get("prod/eu-central-1-phase-2").contains("aws_route53_zone_association"));
    // dr's zones alias prod's endpoints, and prod's VPCs then associate with dr's zones: a second phase, not a cycle
    assertEquals(
        List.of(List.of("prod/eu-central-1", "prod/eu-west-1"), List.of("dr/eu-north-1"), List.of("prod/eu-central-1-phase-2", "prod/eu-west-1-phase-2")),
        layout.waves().stream().map(w -> w.stream().map(Unit::dir).toList()).toList());
  }

  @Test
  void oneAccountTwoRegionsNeedsNoSecondPhase() {
    UnitsLayout layout = new UnitsPlanner().plan(Units.plan(pipeline, "examples/tokyo-osaka/topology.yaml"));
    assertEquals(List.of("default/ap-northeast-1", "default/ap-northeast-3"), layout.units().stream().map(Unit::dir).sorted().toList());
    assertTrue(layout.units().stream().allMatch(u -> u.phase() == 1));
  }

  @Test
  void transitGatewayPeeringTakesThreeStepsTheRequestersStaticRoutesAfterTheAcceptance() {
    UnitsLayout layout = new UnitsPlanner().plan(Units.plan(pipeline, "examples/transit-gateway/topology.yaml"));
    Map<String, Set<String>> types =
        layout.units().stream().collect(Collectors.toMap(Unit::dir, u -> u.plan().modules().stream().flatMap(m -> m.resources().stream()).map(PlannedResource::type).collect(Collectors.toSet())));
    assertTrue(types.get("default/ap-southeast-1").contains("aws_ec2_transit_gateway_peering_attachment"));
    assertFalse(types.get("default/ap-southeast-1").contains("aws_ec2_transit_gateway_route"), "no static route before the acceptance");
    assertTrue(types.get("default/ap-southeast-2").contains("aws_ec2_transit_gateway_peering_attachment_accepter"));
    assertTrue(types.get("default/ap-southeast-1-phase-2").contains("aws_ec2_transit_gateway_route"));
    assertEquals(
        List.of(List.of("default/ap-southeast-1"), List.of("default/ap-southeast-2"), List.of("default/ap-southeast-1-phase-2")),
        layout.waves().stream().map(w -> w.stream().map(Unit::dir).toList()).toList());
  }

  @Test
  void aTwoProviderModuleWithoutAKnownSplitIsRefusedWithAReason() {
    Plan plan = Units.plan(pipeline, "examples/cross-account/topology.yaml");
    drslink.plan.ModuleCall peering = plan.modules().stream().filter(m -> m.module().equals("vpc-peering")).findFirst().orElseThrow();
    drslink.plan.ModuleCall unknown =
        new drslink.plan.ModuleCall(peering.label(), "made-up", "A made-up step.", peering.region(), peering.account(), peering.providers(), peering.arguments(), peering.resources(), peering.group(), peering.key());
    UnitsLayoutException e = assertThrows(UnitsLayoutException.class, () -> new ModuleSplit(plan.providers()).place(unknown));
    assertTrue(e.getMessage().contains("cannot split module made-up"), e.getMessage());
  }

  private static String key(PlannedResource r) {
    // a same-account zone association moves to the zones' region (Route 53 is global); its account stays
    return r.account() + " " + r.address();
  }
}
