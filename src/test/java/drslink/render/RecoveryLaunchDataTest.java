package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import drslink.plan.Guide;
import drslink.plan.ProviderConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The launch template data of the README's step 6: valid JSON once the shell has spliced in drslink's group. */
class RecoveryLaunchDataTest {
  private static final ProviderConfig DR = new ProviderConfig("dr_ap_northeast_3", "ap-northeast-3", "dr", "333333333333", null);

  @Test
  void subnetAndGroupsFromTheTopology() {
    Guide.RecoveryLaunch r = new Guide.RecoveryLaunch("a", "dr", "ap-northeast-3", DR, List.of("app"), "subnet-0c00000000000000a", List.of("sg-0c000000000000001"), null, java.util.Map.of());
    assertEquals(
        "{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"subnet-0c00000000000000a\",\"Groups\":[\"sg-0c000000000000001\"]}]}",
        ReadmeView.launchTemplateData(r));
  }

  @Test
  void drslinksRecoveryGroupIsSplicedOutsideTheSingleQuotes() {
    // In '...' the shell expands nothing: the group closes the quotes, takes "$RECOVERY_SG" and reopens them.
    Guide.RecoveryLaunch r = new Guide.RecoveryLaunch("a", "dr", "ap-northeast-3", DR, List.of("dc"), "subnet-0c00000000000000a", List.of(), "dr", java.util.Map.of());
    assertEquals(
        "{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"subnet-0c00000000000000a\",\"Groups\":[\"'\"$RECOVERY_SG\"'\"]}]}",
        ReadmeView.launchTemplateData(r));
  }

  @Test
  void noGroupsLeavesTheSubnetsDefaultGroup() {
    Guide.RecoveryLaunch r = new Guide.RecoveryLaunch("a", "dr", "ap-northeast-3", DR, List.of("app"), "subnet-0c00000000000000a", List.of(), null, java.util.Map.of());
    assertEquals("{\"NetworkInterfaces\":[{\"DeviceIndex\":0,\"SubnetId\":\"subnet-0c00000000000000a\"}]}", ReadmeView.launchTemplateData(r));
  }
}
