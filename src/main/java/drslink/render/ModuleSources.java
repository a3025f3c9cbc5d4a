package drslink.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reusable modules shipped in the jar (modules/ in the repository), read for vendoring into the output. */
public final class ModuleSources {
  /** Every module has the same standard files (style.md); a missing one is a packaging bug. */
  public static final List<String> FILES = List.of("README.md", "main.tf", "outputs.tf", "variables.tf", "versions.tf");

  /** Every module folder (modules/ in the repository); ModuleSourcesTest keeps the list complete. */
  public static final List<String> NAMES =
      List.of(
          "dns-association",
          "dns-association-vpc-owner",
          "dns-association-zone-owner",
          "drs-agent-installation-role",
          "drs-agent-instance-profile",
          "drs-endpoints",
          "drs-replication-settings",
          "private-dns",
          "private-staging",
          "recovery-instance-security-group",
          "resolver-inbound",
          "staging-security-group",
          "tgw-peering",
          "tgw-peering-accepter",
          "tgw-peering-requester",
          "tgw-peering-requester-routes",
          "tgw-peering-routes",
          "tgw-peering-routes-accepter",
          "tgw-peering-routes-requester",
          "vpc-peering",
          "vpc-peering-accepter",
          "vpc-peering-requester");

  /** Filled by {@link #prepare} on the renderer's warm-up thread; read after it has finished (TreeRenderer#prepare). */
  private final Map<String, Map<String, String>> prepared = new HashMap<>();

  /** Reads every module ahead of {@link #read}: resource lookups in the jar are slow while the JVM starts. */
  public void prepare() {
    for (String module : NAMES) {
      prepared.put(module, load(module));
    }
  }

  public Map<String, String> read(String module) {
    Map<String, String> files = prepared.get(module);
    return files != null ? files : load(module);
  }

  private static Map<String, String> load(String module) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String file : FILES) {
      String resource = "drslink/modules/" + module + "/" + file;
      try (InputStream in = ModuleSources.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("module file missing from the jar: " + resource);
        }
        files.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }
}
