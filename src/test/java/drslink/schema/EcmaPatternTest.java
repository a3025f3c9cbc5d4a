package drslink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class EcmaPatternTest {
  @Test
  void anchorsBecauseJsonSchemaSearchesWhereTheValidatorMatchesWholeValues() {
    assertEquals("^(?:a|b)$", EcmaPattern.anchored(Pattern.compile("a|b")));
  }

  @Test
  void spellsOutJavaQuotingAsEscapes() {
    assertEquals("tgw-rtb-[0-9]", EcmaPattern.unquote(Pattern.quote("tgw-rtb") + "-[0-9]"));
    assertEquals("a\\.b\\*-c", EcmaPattern.unquote("\\Qa.b*\\E-c"));
    assertEquals("x\\.y", EcmaPattern.unquote("\\Qx.y"));
  }

  @Test
  void leavesAnEscapedBackslashBeforeQAlone() {
    assertEquals("\\\\Qa", EcmaPattern.unquote("\\\\Qa"));
  }
}
