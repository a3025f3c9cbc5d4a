package drslink.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * jreleaser.yml releases what the build makes: the archive names follow src/assembly/dist.xml (its id and formats)
 * and pom.xml's artifactId, the Java release is the compiler's, the licence is the LICENSE file's, and every archive
 * gets a SHA-256 checksum and a CycloneDX SBOM. A rename in the build that the release config missed fails here,
 * not on the day of a release.
 */
class ReleaseConfigTest {
  private static final Path CONFIG = Path.of("jreleaser.yml");

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertTrue(m.find(), regex);
    return m.group(1).trim();
  }

  @Test
  void archivesAreTheOnesTheAssemblyMakes() throws Exception {
    JsonNode config = new YAMLMapper().readTree(CONFIG.toFile());
    String pom = Files.readString(Path.of("pom.xml"));
    String assembly = Files.readString(Path.of("src/assembly/dist.xml"));
    String artifactId = first(pom, "</modelVersion>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>");
    String id = first(assembly, "<id>([^<]+)</id>");
    List<String> expected = new ArrayList<>();
    Matcher formats = Pattern.compile("<format>([^<]+)</format>").matcher(assembly);
    while (formats.find()) expected.add("target/" + artifactId + "-{{projectVersion}}-" + id + "." + formats.group(1));

    JsonNode distribution = config.path("distributions").path(artifactId);
    assertEquals("JAVA_BINARY", distribution.path("type").asText(), "bin/ + lib/ archives are JReleaser's JAVA_BINARY");
    assertEquals("drslink", distribution.path("executable").path("name").asText(), "the launcher in bin/");
    assertTrue(Files.isRegularFile(Path.of("scripts/drslink")) && Files.isRegularFile(Path.of("scripts/drslink.cmd")));
    List<String> released = new ArrayList<>();
    distribution.path("artifacts").forEach(a -> released.add(a.path("path").asText()));
    assertEquals(expected, released);
  }

  @Test
  void licenceJavaChecksumsAndSbom() throws Exception {
    JsonNode config = new YAMLMapper().readTree(CONFIG.toFile());
    String pom = Files.readString(Path.of("pom.xml"));
    assertEquals("Apache-2.0", config.path("project").path("license").asText());
    assertTrue(Files.readString(Path.of("LICENSE")).contains("Apache License\n                           Version 2.0"), "LICENSE is the Apache 2.0 text");
    assertEquals(first(pom, "<maven.compiler.release>([^<]+)<"), config.path("project").path("languages").path("java").path("version").asText());
    assertEquals(first(pom, "<groupId>([^<]+)</groupId>"), config.path("project").path("languages").path("java").path("groupId").asText());
    assertEquals("SHA-256", config.path("checksum").path("algorithms").path(0).asText());
    assertEquals("ALWAYS", config.path("catalog").path("sbom").path("cyclonedx").path("active").asText());
    assertTrue(config.path("release").path("github").path("draft").asBoolean(), "a release is reviewed before it is published");
  }
}
