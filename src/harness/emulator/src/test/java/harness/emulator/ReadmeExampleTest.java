package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README.md shows the example ReadmeExampleIT runs, line for line. */
class ReadmeExampleTest {

  @Test
  void readmeShowsTheExampleThatRuns() throws IOException {
    assertEquals(
        Readme.example(Path.of("src/test/java/harness/emulator/ReadmeExampleIT.java")),
        Readme.firstJavaBlock(Path.of("README.md")));
  }

  /** Reads the marked region of a test and the first java block of a README, without indentation. */
  static final class Readme {
    static String example(Path test) throws IOException {
      String s = Files.readString(test);
      String region =
          s.substring(s.indexOf("// README-BEGIN\n") + 16, s.indexOf("  // README-END"));
      return dedent(region);
    }

    static String firstJavaBlock(Path readme) throws IOException {
      String s = Files.readString(readme);
      int start = s.indexOf("```java\n") + 8;
      return dedent(s.substring(start, s.indexOf("```\n", start)));
    }

    /** Lines without the indentation they all share (blank lines do not count), each ending in \n. */
    static String dedent(String text) {
      java.util.List<String> lines = text.lines().toList();
      int indent =
          lines.stream()
              .filter(l -> !l.isBlank())
              .mapToInt(l -> l.length() - l.stripLeading().length())
              .min()
              .orElse(0);
      StringBuilder b = new StringBuilder();
      for (String l : lines) {
        b.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
      }
      return b.toString();
    }
  }
}
