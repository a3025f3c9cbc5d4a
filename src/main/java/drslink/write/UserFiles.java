package drslink.write;

import java.util.List;

/**
 * What users are told they may keep in a generated root beside drslink's files (docs/generated-root-files.md, which
 * lists the same patterns): Terraform's own working files and the settings a pipeline adds. {@code generate} never
 * touches any file it did not write; {@code check} reports every other file as a hand edit, since a resource file
 * added by hand would otherwise ride along unreviewed.
 */
public final class UserFiles {
  /** Top-level names: exact, or a prefix or suffix with '*'; a trailing '/' for a folder (taken whole). */
  public static final List<String> KEPT =
      List.of(
          "backend.tf",
          "terraform.tfvars",
          "terraform.tfvars.json",
          "*.auto.tfvars",
          "*.auto.tfvars.json",
          ".terraform/",
          ".terraform.lock.hcl",
          "terraform.tfstate*",
          "terraform.tfstate.d/",
          ".terraform.tfstate.lock.info",
          ".gitignore");

  private UserFiles() {}

  /** Whether the top-level entry {@code name} (a folder when {@code directory}) is one users may keep. */
  public static boolean kept(String name, boolean directory) {
    for (String pattern : KEPT) {
      boolean folderPattern = pattern.endsWith("/");
      String p = folderPattern ? pattern.substring(0, pattern.length() - 1) : pattern;
      boolean matches =
          p.startsWith("*") ? name.endsWith(p.substring(1)) : p.endsWith("*") ? name.startsWith(p.substring(0, p.length() - 1)) : name.equals(p);
      if (matches && (folderPattern == directory || p.endsWith("*"))) {
        return true;
      }
    }
    return false;
  }
}
