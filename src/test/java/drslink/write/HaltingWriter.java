package drslink.write;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A child JVM for AtomicTreeWriterTest: writes AtomicTreeWriterTest.NEW into a folder and halts the JVM
 * ({@code Runtime.halt}: no finally block, no shutdown hook runs) just before file operation number {@code stop},
 * as a kill -9 or an OOM kill would stop it. Exits 0 when the write finishes first.
 */
final class HaltingWriter {
  private HaltingWriter() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int stop = Integer.parseInt(args[1]);
    int[] count = {0};
    FileOps halting =
        new FileOps() {
          private void step() {
            if (count[0]++ == stop) {
              Runtime.getRuntime().halt(137);
            }
          }

          @Override
          public void createDirectories(Path dir) throws IOException {
            step();
            FileOps.REAL.createDirectories(dir);
          }

          @Override
          public void createFile(Path file, byte[] bytes) throws IOException {
            step();
            FileOps.REAL.createFile(file, bytes);
          }

          @Override
          public void replace(Path from, Path to) throws IOException {
            step();
            FileOps.REAL.replace(from, to);
          }

          @Override
          public void delete(Path path) throws IOException {
            step();
            FileOps.REAL.delete(path);
          }
        };
    new AtomicTreeWriter(halting).write(AtomicTreeWriterTest.NEW, AtomicTreeWriterTest.NEW_ALIASES, out);
  }
}
