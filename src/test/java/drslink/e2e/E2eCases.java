package drslink.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The topologies the e2e proof runs on: every example and every golden case, named by folder. */
public final class E2eCases {
  private E2eCases() {}

  /** Set to a comma-separated list of case names to run only those (for local debugging). */
  public static final String ONLY_PROPERTY = "drslink.e2e.cases";

  public static List<Named<Path>> all(Path project) {
    List<Named<Path>> out = new ArrayList<>();
    out.addAll(in(project.resolve("examples"), ""));
    out.addAll(in(project.resolve("src/test/resources/golden"), "golden/"));
    if (out.isEmpty()) {
      throw new IllegalStateException("no examples/*/topology.yaml under " + project);
    }
    String only = System.getProperty(ONLY_PROPERTY, "").trim();
    if (!only.isEmpty()) {
      List<String> wanted = List.of(only.split("\\s*,\\s*"));
      out.removeIf(n -> !wanted.contains(n.getName()));
      if (out.isEmpty()) {
        throw new IllegalStateException("-D" + ONLY_PROPERTY + "=" + only + " matches no case");
      }
    }
    return out;
  }

  private static List<Named<Path>> in(Path dir, String prefix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(d -> Files.isRegularFile(d.resolve("topology.yaml")))
          .sorted()
          .map(d -> Named.of(prefix + d.getFileName(), d.resolve("topology.yaml")))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
