package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleSourcesTest {
  @Test
  void listsEveryModuleFolder() throws IOException {
    try (Stream<Path> folders = Files.list(Path.of("modules"))) {
      assertEquals(folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList(), ModuleSources.NAMES);
    }
  }

  @Test
  void readsTheSameFilesPreparedOrNot() {
    ModuleSources prepared = new ModuleSources();
    prepared.prepare();
    for (String module : ModuleSources.NAMES) {
      assertEquals(new ModuleSources().read(module), prepared.read(module), module);
      assertEquals(ModuleSources.FILES, prepared.read(module).keySet().stream().toList(), module);
    }
  }

  /** The packaged jar's path (prepareFrom), which the tests' class folder does not take: the same files as the loader's. */
  @Test
  void readsTheSameFilesOutOfAJar(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("drslink.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String module : ModuleSources.NAMES) {
        for (String file : ModuleSources.FILES) {
          out.putNextEntry(new JarEntry("drslink/modules/" + module + "/" + file));
          out.write(Files.readAllBytes(Path.of("modules", module, file)));
          out.closeEntry();
        }
      }
    }
    ModuleSources fromJar = new ModuleSources();
    fromJar.prepareFrom(jar);
    for (String module : ModuleSources.NAMES) {
      assertEquals(new ModuleSources().read(module), fromJar.read(module), module);
    }
  }

  @Test
  void aFileMissingFromTheJarIsAPackagingBug(@TempDir Path dir) throws IOException {
    Path jar = dir.resolve("partial.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("drslink/modules/private-dns/main.tf"));
      out.write("# only this".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ModuleSources().prepareFrom(jar));
    assertTrue(e.getMessage().contains("module file missing from the jar"), e.getMessage());
  }
}
