package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected texts were checked against Terraform 1.11: each quoted string, used as an output value, came
 * back from {@code terraform output -json} equal to the input.
 */
class HclStringsTest {
  @Test
  void escapesBackslashAndQuote() {
    assertEquals("\"C:\\\\temp\\\\\"", HclStrings.quote("C:\\temp\\"));
    assertEquals("\"say \\\"hello\\\"\"", HclStrings.quote("say \"hello\""));
  }

  @Test
  void escapesNewlineCarriageReturnAndTab() {
    assertEquals("\"line one\\nline two\"", HclStrings.quote("line one\nline two"));
    assertEquals("\"a\\r\\nb\"", HclStrings.quote("a\r\nb"));
    assertEquals("\"a\\tb\"", HclStrings.quote("a\tb"));
  }

  @Test
  void escapesOtherControlCharactersAsUnicode() {
    assertEquals("\"\\u0000\\u0007\\u001b\\u007f\"", HclStrings.quote("\u0000\u0007\u001b\u007f"));
  }

  @Test
  void escapesTemplateInterpolationAndDirectives() {
    assertEquals("\"$${jndi:ldap://x/a}\"", HclStrings.quote("${jndi:ldap://x/a}"));
    assertEquals("\"%%{ if true }x%%{ endif }\"", HclStrings.quote("%{ if true }x%{ endif }"));
  }

  @Test
  void keepsAnEscapedLookingInputRoundTripping() {
    // "$${" in HCL is a literal "${", so an input that already contains "$${" needs one more "$".
    assertEquals("\"$$${x}\"", HclStrings.quote("$${x}"));
    assertEquals("\"%%%{\"", HclStrings.quote("%%{"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {"cost $5 and 50% off", "end$", "end%", "$", "%", "$$", "{}", "a$b{c}", "100%{"})
  void keepsDollarAndPercentThatStartNoTemplate(String value) {
    String expected = "\"" + value.replace("%{", "%%{") + "\"";
    assertEquals(expected, HclStrings.quote(value));
  }

  @Test
  void keepsUnicodeAsIs() {
    assertEquals("\"東京 → 大阪 😀 é\"", HclStrings.quote("東京 → 大阪 😀 é"));
    assertEquals("\"\u2028\"", HclStrings.quote("\u2028"));
  }

  @Test
  void quotesTheEmptyString() {
    assertEquals("\"\"", HclStrings.quote(""));
  }

  @Test
  void leavesIdentifierKeysBare() {
    assertEquals("Project", HclStrings.key("Project"));
    assertEquals("_private", HclStrings.key("_private"));
    assertEquals("cost_center2", HclStrings.key("cost_center2"));
  }

  @Test
  void quotesKeysThatAreNotIdentifiers() {
    assertEquals("\"cost-center/team\"", HclStrings.key("cost-center/team"));
    assertEquals("\"2fa\"", HclStrings.key("2fa"));
    assertEquals("\"a b\"", HclStrings.key("a b"));
    assertEquals("\"aws:x\"", HclStrings.key("aws:x"));
    assertEquals("\"\"", HclStrings.key(""));
    assertEquals("\"$${x}\"", HclStrings.key("${x}"));
    assertEquals("\"k\\\"=\\nv\"", HclStrings.key("k\"=\nv"));
  }
}
