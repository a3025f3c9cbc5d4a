package drslink.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Grouping module calls into one for_each block. The shared-value check is an assertion (on in every test run): these
 * hold that it still fires, and that a consistent group keeps its shared value once.
 */
class ModuleBlockTest {
  private static final ModuleGroup GROUP = new ModuleGroup("sg_rules", "rules", Set.of("region_label"));

  private static ModuleCall member(String key, String shared) {
    return new ModuleCall(
        "sg_rules_" + key, "sg-rules", "", "ap-northeast-1", "default",
        List.of(Map.entry("aws", "aws.tokyo")),
        List.of(new Argument("region_label", Hcl.str(shared)), new Argument("cidr", Hcl.str("10.0.0.0/16"))),
        List.of(), GROUP, key);
  }

  @Test
  void aConsistentGroupIsOneBlockWithItsSharedValue() {
    List<ModuleBlock> blocks = ModuleBlock.of(List.of(member("a", "tokyo"), member("b", "tokyo")));
    assertEquals(1, blocks.size());
    assertEquals(new Argument("region_label", Hcl.str("tokyo")), blocks.get(0).arguments().get(0));
  }

  @Test
  void membersThatDisagreeOnASharedValueAreAPlannerBug() {
    assertTrue(ModuleBlockTest.class.desiredAssertionStatus(), "tests run with -ea");
    AssertionError e = assertThrows(AssertionError.class, () -> ModuleBlock.of(List.of(member("a", "tokyo"), member("b", "osaka"))));
    assertTrue(e.getMessage().contains("shared argument region_label differs"), e.getMessage());
  }
}
