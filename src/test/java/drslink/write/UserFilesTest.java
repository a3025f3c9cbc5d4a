package drslink.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UserFilesTest {
  private static final Path DOC = Path.of("docs/generated-root-files.md");

  /** The table users read is the list check applies, entry for entry and in order. */
  @Test
  void theDocumentedListIsTheOneCheckApplies() throws IOException {
    List<String> documented = new ArrayList<>();
    Matcher row = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(Files.readString(DOC));
    while (row.find()) {
      documented.add(row.group(1));
    }
    assertEquals(UserFiles.KEPT, documented, DOC.toString());
  }

  @Test
  void matchesNamesFoldersAndPatterns() {
    assertTrue(UserFiles.kept("backend.tf", false));
    assertTrue(UserFiles.kept("prod.auto.tfvars", false));
    assertTrue(UserFiles.kept("terraform.tfstate.backup", false));
    assertTrue(UserFiles.kept(".terraform", true));
    assertTrue(UserFiles.kept("terraform.tfstate.d", true));
    assertFalse(UserFiles.kept(".terraform", false), "a file named .terraform is not Terraform's folder");
    assertFalse(UserFiles.kept("backend.tf", true));
    assertFalse(UserFiles.kept("extra.tf", false));
    assertFalse(UserFiles.kept("prod.tfvars", false), "only auto-loaded tfvars: a -var-file belongs outside the root");
    assertFalse(UserFiles.kept("modules", true));
  }
}
