package drslink.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Every change the writer makes to the disk, one call each, so that a test can fail or stop it at any one of them
 * (AtomicTreeWriterTest). Reads are not here: they change nothing.
 */
interface FileOps {
  void createDirectories(Path dir) throws IOException;

  /** Creates {@code file}, which must not exist, with {@code bytes}. No fsync: a killed process loses nothing written, and a root is regenerated at will. */
  void createFile(Path file, byte[] bytes) throws IOException;

  /** Renames {@code from} over {@code to} in one step (rename(2)): readers see the old file or the new one. */
  void replace(Path from, Path to) throws IOException;

  void delete(Path path) throws IOException;

  FileOps REAL =
      new FileOps() {
        @Override
        public void createDirectories(Path dir) throws IOException {
          Files.createDirectories(dir);
        }

        @Override
        public void createFile(Path file, byte[] bytes) throws IOException {
          Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }

        @Override
        public void replace(Path from, Path to) throws IOException {
          Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void delete(Path path) throws IOException {
          Files.deleteIfExists(path);
        }
      };
}
