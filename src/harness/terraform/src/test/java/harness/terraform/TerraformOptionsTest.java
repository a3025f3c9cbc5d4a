package harness.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Which tofu failures the harness retries: transient ones only, never a template error. */
class TerraformOptionsTest {

  private final TerraformOptions options = TerraformOptions.builder(Path.of("root")).build();

  @Test
  void providerThatExitedBeforeItsHandshakeIsNotRetried() {
    // The stderr CI printed on stops 7 and 8, cut to its first lines. Its cause was a TMPDIR too
    // long for the provider's socket, which fails every attempt the same way.
    String ciOutput =
        "Error: failed to read schema for data.aws_vpc.east in"
            + " registry.opentofu.org/hashicorp/aws: failed to instantiate provider"
            + " \"registry.opentofu.org/hashicorp/aws\" to obtain schema: Unrecognized remote"
            + " plugin message: \nFailed to read any lines from plugin's stdout\n"
            + "This usually means\n  the plugin was not compiled for this architecture,\n";
    assertNull(options.retryReason(ciOutput));
  }

  @Test
  void slowProviderStartIsRetried() {
    assertEquals(
        "slow provider start",
        options.retryReason("Error: timeout while waiting for plugin to start"));
  }

  @Test
  void templateErrorsAreNotRetried() {
    String unsupported =
        "Error: Unsupported argument\n\n  on main.tf line 3, in resource \"aws_vpc\" \"x\":\n"
            + "   3:   cidr_blok = \"10.0.0.0/16\"\n\n"
            + "An argument named \"cidr_blok\" is not expected here.";
    assertNull(options.retryReason(unsupported));
  }

  @Test
  void noRetriesMeansNoReason() {
    TerraformOptions strict = TerraformOptions.builder(Path.of("root")).noRetries().build();
    assertNull(strict.retryReason("read: connection reset by peer"));
    assertEquals("connection reset by peer", options.retryReason("read: connection reset by peer"));
  }
}
