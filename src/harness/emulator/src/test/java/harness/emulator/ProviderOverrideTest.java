package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The override covers every provider block of a root, aliases included, and only those. */
class ProviderOverrideTest {

  @TempDir Path root;

  @Test
  void everyAliasGetsKeysAndTheEmulatorsEndpoints() throws IOException {
    Files.writeString(
        root.resolve("providers.tf"),
        """
        # provider "aws" { alias = "commented" }
        provider "aws" {
          region = "eu-west-1"
        }
        provider "aws" {
          alias  = "dr"
          region = "eu-central-1"
          assume_role {
            role_arn = "arn:aws:iam::111122223333:role/x" # alias = "nested"
          }
        }
        """);
    List<String> aliases = ProviderOverride.write(root, "http://127.0.0.1:5000", List.of("ec2", "sts"));
    assertEquals(List.of("", "dr"), aliases);
    String text = Files.readString(root.resolve(ProviderOverride.FILE_NAME));
    assertTrue(text.contains("alias                       = \"dr\""), text);
    assertTrue(text.contains("skip_metadata_api_check     = true"), text);
    assertTrue(text.contains("    ec2 = \"http://127.0.0.1:5000\""), text);
    assertTrue(text.contains("    sts = \"http://127.0.0.1:5000\""), text);
    assertFalse(text.contains("route53"), "only the services asked for");
    assertFalse(text.contains("commented") || text.contains("nested"), text);
  }

  @Test
  void aSecondWriteIgnoresTheOverrideItself() throws IOException {
    Files.writeString(root.resolve("main.tf"), "provider \"aws\" {}\n");
    ProviderOverride.write(root, "http://127.0.0.1:1");
    assertEquals(List.of(""), ProviderOverride.write(root, "http://127.0.0.1:2"));
  }

  @Test
  void aRootWithoutAnAwsProviderIsRefused() throws IOException {
    Files.writeString(root.resolve("main.tf"), "output \"x\" { value = \"provider \\\"aws\\\" {\" }\n");
    assertThrows(IllegalStateException.class, () -> ProviderOverride.write(root, "http://127.0.0.1:1"));
  }

  @Test
  void servicesTheProviderBuildLacksAreLeftOut() {
    assertEquals(
        List.of("ec2", "sts"), ProviderOverride.servicesKnownTo(Set.of("ec2", "sts", "lambda")));
  }
}
