package drslink.write;

import drslink.render.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a rendered tree with a folder on disk, as {@code drslink check} does in pipelines: every
 * generated file must be there unchanged, and modules/ must hold nothing else. Files the user adds beside
 * the generated ones (backend.tf, .terraform/) are not drslink's business.
 */
public final class TreeComparison {

  /** A unified diff per differing file; empty when the folder is up to date. */
  public List<String> differences(RenderedTree tree, Path folder) {
    List<String> diffs = new ArrayList<>();
    Set<String> onDisk = modulesOnDisk(folder);
    Set<String> paths = new TreeSet<>(tree.files().keySet());
    paths.addAll(onDisk);
    for (String path : paths) {
      String expected = tree.files().get(path);
      String actual = read(folder.resolve(path));
      if (expected == null) {
        diffs.add(UnifiedDiff.of(path, actual, null));
      } else if (actual == null || !actual.equals(expected)) {
        diffs.add(UnifiedDiff.of(path, actual, expected));
      }
    }
    return diffs;
  }

  /** Every file under the folders drslink owns outright (modules/, iam/): any extra one there is a difference. */
  private static Set<String> modulesOnDisk(Path folder) {
    Set<String> files = new TreeSet<>();
    for (String owned : new String[] {"modules", "iam"}) {
      Path dir = folder.resolve(owned);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).forEach(p -> files.add(folder.relativize(p).toString().replace('\\', '/')));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
