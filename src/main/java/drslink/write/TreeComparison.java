package drslink.write;

import drslink.render.RenderedTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares a rendered tree with a folder on disk, as {@code drslink check} does in pipelines: every generated file and
 * the manifest must be there unchanged, and the folder may hold nothing else but the files users are told to keep
 * ({@link UserFiles}): a resource file added by hand is a finding, like a hand edit.
 */
public final class TreeComparison {

  /** A unified diff per differing file; empty when the folder is up to date. */
  public List<String> differences(RenderedTree tree, Manifest manifest, Path folder) {
    Map<String, String> expected = new TreeMap<>(tree.files());
    expected.put(Manifest.FILE, manifest.text());
    Set<String> paths = new TreeSet<>(expected.keySet());
    paths.addAll(unexpectedOnDisk(folder, expected.keySet()));
    List<String> diffs = new ArrayList<>();
    for (String path : paths) {
      String generated = expected.get(path);
      Path file = folder.resolve(path);
      byte[] bytes = read(file);
      String committed = bytes == null ? null : utf8(bytes);
      if (bytes != null && committed == null) {
        diffs.add("Binary files committed/" + path + " and " + (generated == null ? "/dev/null" : "generated/" + path) + " differ\n");
      } else if (generated == null || committed == null || !committed.equals(generated)) {
        diffs.add(UnifiedDiff.of(path, committed, generated));
      }
    }
    return diffs;
  }

  /** Files in the folder that drslink does not generate and users are not told to keep. */
  private static Set<String> unexpectedOnDisk(Path folder, Set<String> expected) {
    Set<String> files = new TreeSet<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> top = Files.list(folder)) {
      for (Path entry : top.toList()) {
        boolean directory = Files.isDirectory(entry);
        if (UserFiles.kept(entry.getFileName().toString(), directory)) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(entry)) {
          walk.filter(p -> !Files.isDirectory(p))
              .map(p -> folder.relativize(p).toString().replace('\\', '/'))
              .filter(p -> !expected.contains(p))
              .forEach(files::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static byte[] read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text, or null when the bytes are not UTF-8 (a binary file is reported, not decoded). */
  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
