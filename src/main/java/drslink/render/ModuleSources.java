package drslink.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.security.CodeSource;
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
      NAMES.forEach(module -> prepared.put(module, load(module, ModuleSources::fromClassLoader)));
    } else {
      prepareFrom(jar);
    }
  }

  /** Reads every module's files out of {@code jar}. */
  void prepareFrom(Path jar) {
    try (JarFile in = new JarFile(jar.toFile())) {
      Opener fromJar =
          resource -> {
            JarEntry entry = in.getJarEntry(resource);
            return entry == null ? null : in.getInputStream(entry);
          };
      NAMES.forEach(module -> prepared.put(module, load(module, fromJar)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Map<String, String> read(String module) {
    Map<String, String> files = prepared.get(module);
    return files != null ? files : load(module, ModuleSources::fromClassLoader);
  }

  /** The jar these classes were loaded from, or null when they come from a folder (the tests). */
  private static Path ownJar() {
    CodeSource source = ModuleSources.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) ? location : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  /** Opens a resource of the jar (a path like {@code drslink/modules/x/main.tf}), or returns null when it is missing. */
  private interface Opener {
    InputStream open(String resource) throws IOException;
  }

  private static InputStream fromClassLoader(String resource) {
    return ModuleSources.class.getClassLoader().getResourceAsStream(resource);
  }

  private static Map<String, String> load(String module, Opener opener) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String file : FILES) {
      String resource = "drslink/modules/" + module + "/" + file;
      try (InputStream in = opener.open(resource)) {
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
