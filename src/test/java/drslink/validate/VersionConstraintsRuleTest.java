package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.validate.VersionConstraintsRule.Clause;
import drslink.validate.VersionConstraintsRule.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionConstraintsRuleTest {
  @Test
  void floorsAreTheVendoredModulesOwn() throws IOException {
    Pattern terraform = Pattern.compile("required_version\\s*=\\s*\">= ([0-9.]+)\"");
    Pattern aws = Pattern.compile("source\\s*=\\s*\"hashicorp/aws\"\\s*\\n\\s*version\\s*=\\s*\">= ([0-9.]+)\"");
    try (Stream<Path> files = Files.list(Path.of("modules"))) {
      for (Path module : files.toList()) {
        String versions = Files.readString(module.resolve("versions.tf"));
        Matcher t = terraform.matcher(versions);
        Matcher a = aws.matcher(versions);
        assertTrue(t.find() && a.find(), module + "/versions.tf declares both floors");
        assertEquals(VersionConstraintsRule.TERRAFORM_FLOOR, Version.parse(t.group(1)).orElseThrow(), module.toString());
        assertEquals(VersionConstraintsRule.AWS_PROVIDER_FLOOR, Version.parse(a.group(1)).orElseThrow(), module.toString());
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "'>= 1.5.0', true",
    "'>= 1.6', true",
    "'= 1.5.0', true",
    "'~> 1.5', true",
    "'~> 1.4', true",
    "'~> 1.4.0', false",
    "'< 1.5.0', false",
    "'<= 1.5.0', true",
    "'> 1.5.0, < 1.5.0', false",
    "'>= 1.5.0, <= 1.5.0, != 1.5.0', false",
    "'>= 2.0.0, < 1.9', false",
    "'1.5.0-beta1', false",
    "'~> 1', true",
  })
  void allowsAVersionAtOrAboveTheFloorOnlyWhenOneExists(String constraint, boolean allowed) {
    List<Clause> clauses =
        Stream.of(constraint.split(","))
            .map(String::strip)
            .map(c -> {
              Matcher m = Pattern.compile("(=|!=|>=|<=|~>|>|<)?\\s*(.+)").matcher(c);
              assertTrue(m.matches());
              return new Clause(m.group(1) == null ? "=" : m.group(1), Version.parse(m.group(2)).orElseThrow());
            })
            .toList();
    assertEquals(allowed, VersionConstraintsRule.allowsSomeVersionFrom(Version.parse("1.5.0").orElseThrow(), clauses));
  }

  @Test
  void ordersPrereleasesBeforeTheirRelease() {
    assertTrue(Version.parse("1.5.0-rc1").orElseThrow().compareTo(Version.parse("1.5.0").orElseThrow()) < 0);
    assertTrue(Version.parse("1.5.0-rc.2").orElseThrow().compareTo(Version.parse("1.5.0-rc.10").orElseThrow()) < 0);
    assertEquals(0, Version.parse("1.5").orElseThrow().compareTo(Version.parse("1.5.0").orElseThrow()));
    assertFalse(Version.parse("1.5.0.1").isPresent());
  }
}
