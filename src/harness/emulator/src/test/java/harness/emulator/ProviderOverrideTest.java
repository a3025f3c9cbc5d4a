package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The override covers every provider block of a root, aliases included, and only those. */
class ProviderOverrideTest {

  @TempDir Path root;

  @Test
  void everyAliasGetsKeysAndNoEndpointsBlock() throws IOException {
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
    List<String> aliases = ProviderOverride.write(root);
    assertEquals(List.of("", "dr"), aliases);
    String text = Files.readString(root.resolve(ProviderOverride.FILE_NAME));
    assertTrue(text.contains("alias                       = \"dr\""), text);
    assertTrue(text.contains("skip_metadata_api_check     = true"), text);
    assertEquals(2, text.split("skip_metadata_api_check").length - 1, text);
    // Endpoints go through the environment: a block would also outrank it.
    assertFalse(text.contains("endpoints {") || text.contains("http"), text);
    assertFalse(text.contains("commented") || text.contains("nested"), text);
  }

  @Test
  void aSecondWriteIgnoresTheOverrideItself() throws IOException {
    Files.writeString(root.resolve("main.tf"), "provider \"aws\" {}\n");
    ProviderOverride.write(root);
    assertEquals(List.of(""), ProviderOverride.write(root));
  }

  @Test
  void aRootWithoutAnAwsProviderIsRefused() throws IOException {
    Files.writeString(root.resolve("main.tf"), "output \"x\" { value = \"provider \\\"aws\\\" {\" }\n");
    assertThrows(IllegalStateException.class, () -> ProviderOverride.write(root));
  }

  @Test
  void theEnvironmentSendsEveryServiceToTheEmulator() {
    Map<String, String> env = ProviderOverride.environment("http://127.0.0.1:5000");
    assertEquals(ProviderOverride.ENDPOINT_VARIABLES.size(), env.size());
    assertEquals("http://127.0.0.1:5000", env.get("AWS_ENDPOINT_URL_ROUTE_53"));
    assertEquals("http://127.0.0.1:5000", env.get("AWS_ENDPOINT_URL_DRS"));
    // The SDK's names: AWS_ENDPOINT_URL_ and the serviceID upper-cased, spaces as underscores.
    env.keySet().forEach(k -> assertTrue(k.matches("AWS_ENDPOINT_URL_[A-Z0-9_]+"), k));
  }
}
