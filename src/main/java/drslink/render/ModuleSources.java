package drslink.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reusable modules shipped in the jar (modules/ in the repository), read for vendoring into the output. */
public final class ModuleSources {
  /** Every module has the same standard files (style.md); a missing one is a packaging bug. */
  public static final List<String> FILES = List.of("README.md", "main.tf", "outputs.tf", "variables.tf", "versions.tf");

  public Map<String, String> read(String module) {
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
