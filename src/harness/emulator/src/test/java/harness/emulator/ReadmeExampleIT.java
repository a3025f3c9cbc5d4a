package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertFalse;

import harness.terraform.AppliedRoot;
import harness.terraform.LocalRunner;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.utility.DockerImageName;

/**
 * The example of README.md, run as written (ReadmeExampleTest checks that README.md shows exactly
 * the lines between the markers). Needs Docker with a moto image (MOTO_IMAGE) and {@code tofu} with
 * the hashicorp/aws provider (from the registry, or a mirror named by TF_CLI_CONFIG_FILE).
 */
class ReadmeExampleIT {

  // README-BEGIN
  static final String MOTO_IMAGE = System.getenv().getOrDefault("MOTO_IMAGE", "motoserver/moto:5.1.4");

  @Test
  void vpcAppliesAndDestroysOnTheEmulator(@TempDir Path dir) throws Exception {
    try (MotoContainer moto = new MotoContainer(DockerImageName.parse(MOTO_IMAGE))) {
      moto.start();  // moto + AWS rules + DRS stand-in, on 127.0.0.1 only
      Path root = Files.createDirectories(dir.resolve("root"));
      Files.writeString(root.resolve("main.tf"), """
          provider "aws" { region = "eu-west-1" }
          resource "aws_vpc" "main" { cidr_block = "10.0.0.0/16" }
          """);
      ProviderOverride.write(root);  // static keys, no instance metadata, for every provider block
      TerraformOptions options = TerraformOptions.builder(root)
          .env(ProviderOverride.environment(moto.endpoint()))  // its services to the emulator
          .env(EgressGuard.environment(EgressGuard.closedPort()))  // anything else fails fast
          .build();
      Terraform tf = new Terraform(new LocalRunner(), options);
      tf.init();
      try (AppliedRoot vpc = AppliedRoot.apply(tf)) {  // destroyed even if an assertion fails
        assertFalse(tf.plan().hasChanges());
        vpc.destroy();
      }
    }
  }
  // README-END
}
