package drslink.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A per-test folder under {@code target/e2e-work} (inside the project, so the tofu container can
 * bind-mount it at the same path), removed on close even when the test failed. Set {@code
 * -Ddrslink.e2e.keep=true} to keep them for debugging.
 */
public final class Workspace implements AutoCloseable {

  private final Path dir;

  private Workspace(Path dir) {
    this.dir = dir;
  }

  public static Path projectDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .toAbsolutePath()
        .normalize();
  }

  public static Workspace create(String label) {
    try {
      Path base = projectDir().resolve("target").resolve("e2e-work");
      Files.createDirectories(base);
      return new Workspace(Files.createTempDirectory(base, safe(label) + "-"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path dir() {
    return dir;
  }

  public Path resolve(String other) {
    return dir.resolve(other);
  }

  private static String safe(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (Boolean.getBoolean("drslink.e2e.keep")) {
      System.err.println("[e2e] kept " + dir);
      return;
    }
    deleteTree(dir);
  }

  static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove " + root, e);
    }
  }
}
