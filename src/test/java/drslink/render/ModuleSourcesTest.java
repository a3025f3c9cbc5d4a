package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
}
