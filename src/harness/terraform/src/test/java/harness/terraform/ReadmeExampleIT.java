package harness.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example of README.md, run as written (ReadmeExampleTest checks that README.md shows exactly
 * the lines between the markers). Needs {@code tofu} on PATH; the root uses no provider.
 */
class ReadmeExampleIT {

  // README-BEGIN
  @RegisterExtension final AppliedRoots roots = new AppliedRoots();

  @Test
  void appliesPlansCleanAndDestroys(@TempDir Path dir) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.writeString(root.resolve("main.tf"), """
        variable "greeting" { type = string }
        resource "terraform_data" "hello" { input = var.greeting }
        output "greeting" { value = terraform_data.hello.output }
        """);
    TerraformOptions options = TerraformOptions.builder(root)
        .var("greeting", "hello")
        .logDir(dir.resolve("logs"))             // each command's full output, kept
        .commandTimeout(Duration.ofMinutes(2))   // then SIGINT, exit 124
        .build();
    Terraform tf = new Terraform(new LocalRunner(), options);  // tofu from PATH
    tf.init();
    assertEquals(2, tf.plan().exitCode());       // -detailed-exitcode: changes pending
    AppliedRoot applied = roots.apply(tf);       // destroyed after the test if still standing
    assertEquals("hello", tf.output("greeting").asText());
    assertFalse(tf.plan().hasChanges());         // the second plan is clean
    applied.destroy();                           // a failing destroy fails the test
  }
  // README-END
}
