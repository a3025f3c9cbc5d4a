package harness.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The Python that turns moto into the emulator, shipped as classpath resources under {@link
 * #RESOURCE_FOLDER}: {@code moto_e2e.py} (run like moto_server: {@code python3 moto_e2e.py -H
 * 127.0.0.1 -p PORT}; moto's bug fixes, one call at a time, the call log), which imports {@code
 * aws_rules.py} (requests AWS refuses are refused) and {@code drs_standin.py} (DRS, which moto lacks)
 * from its own folder: ship the folder, never one file.
 */
public final class MotoLauncher {

  public static final String RESOURCE_FOLDER = "harness/emulator/moto/";
  public static final String LAUNCHER = "moto_e2e.py";
  /** Every file of the folder; the launcher first. */
  public static final List<String> FILES = List.of(LAUNCHER, "aws_rules.py", "drs_standin.py");
  /** How the launcher prefixes its log line of each failed call (action, status, error code). */
  public static final String CALL_LOG_PREFIX = "drslink-e2e: ";

  /** What the launcher's line for a call the SDK sent a second time (or later) says after the call. */
  public static final String SENT_AGAIN = " sent again by the SDK ";

  private static Path extracted;

  private MotoLauncher() {}

  /** Copies the files into {@code dir} and returns the launcher's path there. */
  public static Path extractTo(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f : FILES) {
        try (InputStream in = MotoLauncher.class.getClassLoader().getResourceAsStream(RESOURCE_FOLDER + f)) {
          if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE_FOLDER + f);
          }
          Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      return dir.resolve(LAUNCHER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The launcher extracted once per JVM into a temporary folder. */
  public static synchronized Path extracted() {
    if (extracted == null) {
      try {
        Path dir = Files.createTempDirectory("harness-moto");
        extracted = extractTo(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return extracted;
  }
}
