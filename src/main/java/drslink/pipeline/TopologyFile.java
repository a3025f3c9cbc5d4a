package drslink.pipeline;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.parse.YamlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** The topology file as text: its size limit, UTF-8, and the name messages give it. */
final class TopologyFile {
  private TopologyFile() {}

  /** The file's text; empty (with one error) when it is missing, unreadable, too large or not UTF-8. */
  static Optional<String> read(Path file, String display, Diagnostics diagnostics) {
    SourceLocation start = SourceLocation.startOf(display);
    long limit = YamlLimits.DEFAULT.maxBytes();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        diagnostics.error("DRS001", start, "file is larger than " + limit / 1024 + " KiB", "a topology is a few kilobytes; check that this is the right file");
        return Optional.empty();
      }
      ByteBuffer undecoded = ByteBuffer.wrap(bytes);
      CharBuffer text = CharBuffer.allocate(bytes.length);
      CoderResult result = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(undecoded, text, true);
      if (result.isError()) {
        text.flip();
        diagnostics.error("DRS009", endOf(display, text), String.format("file is not UTF-8 text: byte 0x%02X here starts no UTF-8 character", bytes[undecoded.position()] & 0xFF),
            "save the topology as UTF-8; an editor that saved it as Latin-1 or Windows-1252 writes such bytes for letters like é");
        return Optional.empty();
      }
      return Optional.of(text.flip().toString());
    } catch (NoSuchFileException e) {
      diagnostics.error("DRS008", start, "file not found", "check the path; the bundled example is examples/tokyo-osaka/topology.yaml");
    } catch (IOException e) {
      diagnostics.error("DRS008", start, "cannot read the file: " + e.getMessage(), "check the path and its permissions");
    }
    return Optional.empty();
  }

  /** Where the decoded text ends: the line and column (in letters, as editors count) of the first bad byte. */
  private static SourceLocation endOf(String display, CharSequence text) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    int column = Character.codePointCount(text, lineStart, text.length()) + 1;
    return new SourceLocation(display, line, column);
  }

  /**
   * How messages and generated headers name the file: relative to the working directory when it is inside
   * it, so output does not change with where the repository is checked out.
   */
  static String displayName(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/').replaceAll("\\p{Cntrl}", "?");
  }
}
