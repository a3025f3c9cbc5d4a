package drslink.cli;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.Topology;
import drslink.parse.TopologyReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads, parses and validates a topology file: the first three stages, shared by every command. */
final class TopologyLoader {
  private final Services services;

  TopologyLoader(Services services) {
    this.services = services;
  }

  /** {@code sourceLines} is the file's text, for showing the offending line under a diagnostic. */
  record Loaded(Optional<Topology> topology, Diagnostics diagnostics, String displayName, List<String> sourceLines) {
    boolean usable(boolean strict) {
      return topology.isPresent() && !diagnostics.hasErrors() && !(strict && diagnostics.hasWarnings());
    }
  }

  Loaded load(Path file) {
    String display = displayName(file);
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> text = read(file, display, diagnostics);
    Optional<drslink.parse.YNode> root = text.flatMap(t -> services.yaml().read(display, t, diagnostics));
    Optional<Topology> topology = root.flatMap(r -> new TopologyReader(diagnostics).read(display, r));
    topology.ifPresent(t -> validate(t, diagnostics));
    // After validation: an acknowledgement covers the warnings the validator found (docs/topology.md "Acknowledging a warning").
    if (topology.isPresent()) {
      diagnostics.acknowledge(drslink.parse.AcknowledgementReader.read(root.orElseThrow(), diagnostics));
    }
    return new Loaded(topology, diagnostics, display, text.map(t -> t.lines().toList()).orElse(List.of()));
  }

  /**
   * The benchmark's peer (scripts/bench.sh) fans 1,000 source VPCs into one VPC, past AWS's hard maximum of peerings per
   * VPC (DRS129). So that the benchmark can still compare the same resources, the system property {@code
   * drslink.benchmark.waive} (diagnostic codes, comma-separated; not an option of any command) turns those errors into
   * warnings that say so. Nothing else reads it.
   */
  private void validate(Topology topology, Diagnostics diagnostics) {
    String waive = System.getProperty(WAIVE_PROPERTY, "");
    if (waive.isBlank()) {
      services.validator().validate(topology, diagnostics);
      return;
    }
    java.util.Set<String> codes = java.util.Set.of(waive.trim().split("\\s*,\\s*"));
    Diagnostics found = new Diagnostics();
    services.validator().validate(topology, found);
    for (drslink.diag.Diagnostic d : found.sorted()) {
      if (d.isError() && codes.contains(d.code())) {
        diagnostics.warning(d.code(), d.location(), d.message() + " [waived by -D" + WAIVE_PROPERTY + "; for benchmarks only]", d.hint());
      } else if (d.isError()) {
        diagnostics.error(d.code(), d.location(), d.message(), d.hint());
      } else {
        diagnostics.warning(d.code(), d.location(), d.message(), d.hint());
      }
    }
  }

  static final String WAIVE_PROPERTY = "drslink.benchmark.waive";

  private Optional<String> read(Path file, String display, Diagnostics diagnostics) {
    SourceLocation start = SourceLocation.startOf(display);
    long limit = drslink.parse.YamlLimits.DEFAULT.maxBytes();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) limit + 1);
      if (bytes.length > limit) {
        diagnostics.error("DRS001", start, "file is larger than " + limit / 1024 + " KiB", "a topology is a few kilobytes; check that this is the right file");
        return Optional.empty();
      }
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (NoSuchFileException e) {
      diagnostics.error("DRS008", start, "file not found", "check the path; the bundled example is examples/tokyo-osaka/topology.yaml");
    } catch (CharacterCodingException e) {
      diagnostics.error("DRS009", start, "file is not UTF-8 text", "save the topology as UTF-8");
    } catch (IOException e) {
      diagnostics.error("DRS008", start, "cannot read the file: " + e.getMessage(), "check the path and its permissions");
    }
    return Optional.empty();
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
