package harness.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The TMPDIR tofu gets must leave room for go-plugin's socket name inside a unix socket path. */
class TerraformTempDirTest {

  @Test
  void longestAllowedFolderStillFitsTheLongestSocketName() {
    String dir = "/" + "t".repeat(Terraform.MAX_TEMP_DIR_BYTES - 1);
    String longestSocket = dir + "/plugin" + "4294967295"; // the largest uint32 go-plugin can pick
    assertEquals(107, longestSocket.length());
    assertEquals(dir, Terraform.checkedTempDir(dir));
  }

  @Test
  void oneByteMoreFailsNamingTheFix() {
    String dir = "/" + "t".repeat(Terraform.MAX_TEMP_DIR_BYTES);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Terraform.checkedTempDir(dir));
    assertTrue(e.getMessage().contains("-Djava.io.tmpdir"), e.getMessage());
  }

  @Test
  void bothRuntimeFoldersFit() {
    assertEquals("/tmp", Terraform.checkedTempDir("/tmp"));
    String jvmTmp = System.getProperty("java.io.tmpdir");
    assertEquals(jvmTmp, Terraform.checkedTempDir(jvmTmp));
  }
}
