package drslink.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive `mvn package` makes (src/assembly/dist.xml) works from a fresh folder: unpacked with the system's
 * tar, outside the repository and without Maven or target/ in reach, its launcher prints the version, validates and
 * plans the bundled example, and generates a root. Failsafe runs it after the package phase.
 */
class ReleaseArchiveIT {
  /** The version from the jar's manifest, as --version prints it; the archive is named after it. */
  private static String version() throws IOException {
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile("target/drslink.jar")) {
      return jar.getManifest().getMainAttributes().getValue("Implementation-Version");
    }
  }

  private record Run(int code, String out) {}

  private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    // Nothing from the repository: no jar override, and a PATH with java but without the repository's scripts.
    builder.environment().remove("DRSLINK_JAR");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    return new Run(p.exitValue(), out);
  }

  /**
   * Where the jar's classes come from: a package root and the component THIRD-PARTY-NOTICES.md must name for it. A
   * root missing here is a component nobody listed: the test names it.
   */
  private static final Map<String, String> COMPONENT_OF_ROOT =
      Map.of(
          "drslink/", "",
          "picocli/", "info.picocli:picocli",
          "com/fasterxml/", "com.fasterxml.jackson.core:jackson-core",
          "org/yaml/", "org.yaml:snakeyaml",
          "freemarker/", "org.freemarker:freemarker",
          "software/amazon/", "software.amazon.awssdk:*",
          "org/reactivestreams/", "org.reactivestreams:reactive-streams",
          "org/slf4j/", "org.slf4j:slf4j-api");

  @Test
  void theNoticesNameEveryBundledComponent() throws IOException {
    String notices = Files.readString(Path.of("THIRD-PARTY-NOTICES.md"));
    Set<String> missing = new TreeSet<>();
    try (JarFile jar = new JarFile("target/drslink.jar")) {
      for (JarEntry entry : java.util.Collections.list(jar.entries())) {
        String name = entry.getName();
        if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
          String component =
              COMPONENT_OF_ROOT.entrySet().stream()
                  .filter(e -> name.startsWith(e.getKey()))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse("unlisted package root of " + name);
          if (!component.isEmpty() && !notices.contains("`" + component + "`")) missing.add(component);
        }
        Matcher pom = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties").matcher(name);
        if (pom.matches() && !pom.group(1).equals("dev.drslink")) {
          String component = pom.group(1) + ":" + pom.group(2);
          String family = pom.group(1) + ":*";
          if (!notices.contains("`" + component + "`") && !notices.contains("`" + family + "`")) missing.add(component);
        }
      }
    }
    assertTrue(missing.isEmpty(), "bundled in drslink.jar, not named in THIRD-PARTY-NOTICES.md: " + missing);
  }

  @Test
  void unpacksAndRunsFromAFreshFolder(@TempDir Path fresh) throws Exception {
    String version = version();
    Path archive = Path.of("target", "drslink-" + version + "-dist.tar.gz").toAbsolutePath();
    assertTrue(Files.isRegularFile(archive), archive + " (made by mvn package)");
    assertEquals(0, run(fresh, List.of("tar", "-xzf", archive.toString())).code());
    Path home = fresh.resolve("drslink-" + version);
    List<String> entries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(home)) {
      files.filter(Files::isRegularFile).forEach(f -> entries.add(home.relativize(f).toString().replace('\\', '/')));
    }
    for (String expected : List.of("bin/drslink", "bin/cds.sh", "bin/drslink.cmd", "lib/drslink.jar", "README.md", "LICENSE", "THIRD-PARTY-NOTICES.md", "schema/topology.schema.json", "examples/tokyo-osaka/topology.yaml")) {
      assertTrue(entries.contains(expected), expected + " in " + entries);
    }
    assertTrue(Files.isExecutable(home.resolve("bin/drslink")), "bin/drslink is executable");
    assertTrue(Files.readString(home.resolve("bin/drslink.cmd")).contains("\r\n"), "the Windows launcher has CRLF line ends");

    String launcher = home.resolve("bin/drslink").toString();
    Run printed = run(fresh, List.of(launcher, "--version"));
    assertEquals(0, printed.code(), printed.out());
    assertTrue(printed.out().contains(version), printed.out());
    // The first run built the class-data archive for this folder and this JDK; later runs start with it.
    assertTrue(Files.isRegularFile(home.resolve("lib/drslink.built-for")), "class-data archive built on first run: " + entries);
    assertTrue(Files.isRegularFile(home.resolve("lib/drslink.jsa")) || Files.isRegularFile(home.resolve("lib/drslink.aot")), "lib/drslink.jsa or .aot");

    Run validate = run(fresh, List.of(launcher, "validate", "drslink-" + version + "/examples/tokyo-osaka/topology.yaml"));
    assertEquals(0, validate.code(), validate.out());
    Run plan = run(fresh, List.of(launcher, "plan", "-q", "drslink-" + version + "/examples/tokyo-osaka/topology.yaml"));
    assertEquals(0, plan.code(), plan.out());
    assertTrue(plan.out().contains("Plan: 22 to create"), plan.out());
    Run generate = run(fresh, List.of(launcher, "generate", "-q", "drslink-" + version + "/examples/tokyo-osaka/topology.yaml", "--out", "root"));
    assertEquals(0, generate.code(), generate.out());
    assertTrue(Files.isRegularFile(fresh.resolve("root/main.tf")), "root/main.tf");
  }
}
