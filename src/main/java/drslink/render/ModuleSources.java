package drslink.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

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

  /**
   * Reads every module ahead of {@link #read}, on the renderer's warm-up thread. From the jar drslink runs from, the
   * entries are read straight out of it: 110 class-loader lookups (each asks the JDK's own image first, then builds a
   * {@code jar:} URL and a connection) cost a one-source generate about 20 ms of CPU (docs/performance.md, stop 31).
   * The JDK shares the open jar with the class loader, so opening it again reads nothing twice.
   */
  public void prepare() {
    Path jar = ownJar();
    if (jar == null) {
      NAMES.forEach(module -> prepared.put(module, load(module)));
    } else {
      prepareFrom(jar);
    }
  }

  /** Reads every module's files out of {@code jar}. */
  void prepareFrom(Path jar) {
    try (JarFile in = new JarFile(jar.toFile())) {
      for (String module : NAMES) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String file : FILES) {
          JarEntry entry = in.getJarEntry(resource(module, file));
          if (entry == null) {
            throw new IllegalStateException("module file missing from the jar: " + resource(module, file));
          }
          try (InputStream stream = in.getInputStream(entry)) {
            files.put(file, new String(stream.readAllBytes(), StandardCharsets.UTF_8));
          }
        }
        prepared.put(module, files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The jar these classes were loaded from, or null when they come from a folder (the tests). */
  private static Path ownJar() {
    try {
      Path location = Path.of(ModuleSources.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isRegularFile(location) ? location : null;
    } catch (URISyntaxException | SecurityException | IllegalArgumentException | NullPointerException e) {
      return null;
    }
  }

  private static String resource(String module, String file) {
    return "drslink/modules/" + module + "/" + file;
  }

  public Map<String, String> read(String module) {
    Map<String, String> files = prepared.get(module);
    return files != null ? files : load(module);
  }

  private static Map<String, String> load(String module) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String file : FILES) {
      String resource = resource(module, file);
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
