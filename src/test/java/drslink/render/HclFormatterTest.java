package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each expected text is what {@code terraform fmt} (1.11) makes of the input; checked when written. */
class HclFormatterTest {
  @Test
  void alignsTheEqualsOfConsecutiveAttributes() {
    String in = """
        resource "aws_vpc_endpoint" "drs" {
          vpc_id = "vpc-1"
          service_name = "com.amazonaws.ap-northeast-3.drs"
          private_dns_enabled = false
        }
        """;
    String out = """
        resource "aws_vpc_endpoint" "drs" {
          vpc_id              = "vpc-1"
          service_name        = "com.amazonaws.ap-northeast-3.drs"
          private_dns_enabled = false
        }
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  /**
   * fmt counts grapheme clusters (hclwrite Tokens.Columns): 𝒜 is two UTF-16 units but one column, and the Hangul
   * syllable written as the three jamo U+1112 U+1161 U+11AB is three code points but one column (this output checked
   * with tofu 1.12.6 fmt).
   */
  @Test
  void countsColumnsAsFmtDoesInGraphemeClusters() {
    String in = "  tags = {\n    \"𝒜𝒜\" = \"𝒜\"\n    Abcdef = \"x\"\n    \"\u1112\u1161\u11ab\" = \"y\"\n  }\n";
    String out = "  tags = {\n    \"𝒜𝒜\"   = \"𝒜\"\n    Abcdef = \"x\"\n    \"\u1112\u1161\u11ab\"    = \"y\"\n  }\n";
    assertEquals(out, HclFormatter.align(in));
    assertEquals(5, HclFormatter.columns("  \"𝒜\" = 1", 6));
    assertEquals(5, HclFormatter.columns("  \"\u1112\u1161\u11ab\" = 1", 7));
  }

  @Test
  void aLineOpeningAMultiLineMapTakesNoPartAndEndsTheRun() {
    String in = """
          vpc_id = "vpc-1"
          private_dns_enabled = false
          tags = {
            Name = "x"
            Owner = "b"
          }
          count_of_things = 1
          security_group_ids = [
            "sg-1",
          ]
          vpc_endpoint_type = "Interface"
        """;
    String out = """
          vpc_id              = "vpc-1"
          private_dns_enabled = false
          tags = {
            Name  = "x"
            Owner = "b"
          }
          count_of_things = 1
          security_group_ids = [
            "sg-1",
          ]
          vpc_endpoint_type = "Interface"
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  @Test
  void blankLinesAndCommentsEndARun() {
    String in = """
          a = 1
          bbbb = 2

          cc = 3
          d = 4
          # a comment
          eeeeee = 5
          f = 6
        """;
    String out = """
          a    = 1
          bbbb = 2

          cc = 3
          d  = 4
          # a comment
          eeeeee = 5
          f      = 6
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  @Test
  void alignsQuotedKeysWithBareOnes() {
    String in = """
            Name = "x"
            "cost-center/team" = "a"
            "say \\"a = b\\"" = "c"
            Owner = "b"
        """;
    String out = """
            Name               = "x"
            "cost-center/team" = "a"
            "say \\"a = b\\""    = "c"
            Owner              = "b"
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  @Test
  void alignsEachNestedBlockOnItsOwn() {
    String in = """
        module "x" {
          source = "./modules/x"
          a_long_argument = 1
          nested {
            a = 1
            longer_name = 2
          }
          after_block = 3
          z = 4
        }
        """;
    String out = """
        module "x" {
          source          = "./modules/x"
          a_long_argument = 1
          nested {
            a           = 1
            longer_name = 2
          }
          after_block = 3
          z           = 4
        }
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  @Test
  void treatsSingleLineObjectsAndBracketsInStringsAsOneLine() {
    String in = """
          z = { a = 1 }
          zz = "s {"
          single = (1 + 2)
          escaped = "a \\" { quote"
          w = 1
        """;
    String out = """
          z       = { a = 1 }
          zz      = "s {"
          single  = (1 + 2)
          escaped = "a \\" { quote"
          w       = 1
        """;
    assertEquals(out, HclFormatter.align(in));
  }

  @Test
  void isIdempotent() {
    String in = "  a = 1\n  bbbb = {\n    c = 2\n    dd = 3\n  }\n  e = 4\n";
    String once = HclFormatter.align(in);
    assertEquals(once, HclFormatter.align(once));
  }

  @Test
  void leavesTextWithoutAttributesAlone() {
    String in = "terraform {\n  required_providers {\n  }\n}\n\n# comment = not an attribute\n";
    assertEquals(in, HclFormatter.align(in));
  }

  @Test
  void countsBracketsOutsideStringsOnly() {
    assertTrue(HclFormatter.balanced("{ a = 1 }"));
    assertTrue(HclFormatter.balanced("\"{[(\""));
    assertTrue(HclFormatter.balanced("\"a \\\" {\""));
    assertTrue(HclFormatter.balanced("merge(var.tags, { Name = \"x\" })"));
    assertFalse(HclFormatter.balanced("{"));
    assertFalse(HclFormatter.balanced("merge(var.tags, {"));
    assertFalse(HclFormatter.balanced("[\"]\","));
  }

  @Test
  void layoutDropsTrailingBlanksAndRunsOfBlankLinesAndEndsWithOneNewline() {
    assertEquals("a\n\nb\n", HclFormatter.layout("\n\n  a \t\r\n \n\t\n\nb  \n\n\n"));
    assertEquals("\n", HclFormatter.layout(" \n\t\n"));
  }

  /**
   * The hand-written scanners replaced regular expressions for start-up time (README "Performance"); on random text
   * made of the characters that matter they must do exactly what those expressions did.
   */
  @Test
  void scannersAgreeWithTheRegularExpressionsTheyReplaced() {
    java.util.Random random = new java.util.Random(13);
    String[] pieces = {" ", "\t", "\n", "\n", "\r\n", "\f", "a", "Z", "_", "9", ".", "-", "=", " = ", "\"", "\\", "{", "}", "[", "]", "(", ")", "#", "é"};
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(40);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String in = text.toString();
      String expectedLayout = in.replace("\r\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip() + "\n";
      assertEquals(expectedLayout, HclFormatter.layout(in), () -> "layout of " + in.replace("\n", "\\n"));
      String lines = in.replace("\r", "");
      assertEquals(alignWithRegex(lines), HclFormatter.align(lines), () -> "align of " + lines.replace("\n", "\\n"));
    }
  }

  /** The regular-expression aligner of drslink 0.2.0 and before, kept as the reference. */
  private static String alignWithRegex(String text) {
    java.util.regex.Pattern attribute = java.util.regex.Pattern.compile("^(\\s*)([A-Za-z_][A-Za-z0-9_.-]*|\"(?:[^\"\\\\]|\\\\.)*\")\\s*=\\s(.*)$");
    String[] lines = text.split("\n", -1);
    java.util.List<Integer> run = new java.util.ArrayList<>();
    for (int i = 0; i <= lines.length; i++) {
      java.util.regex.Matcher m = i < lines.length ? attribute.matcher(lines[i]) : null;
      if (m != null && m.matches() && HclFormatter.balanced(m.group(3))) {
        run.add(i);
        continue;
      }
      int width = 0;
      for (int r : run) {
        java.util.regex.Matcher a = attribute.matcher(lines[r]);
        a.matches();
        width = Math.max(width, a.group(1).length() + a.group(2).length());
      }
      for (int r : run) {
        java.util.regex.Matcher a = attribute.matcher(lines[r]);
        a.matches();
        String lead = a.group(1) + a.group(2);
        lines[r] = lead + " ".repeat(width - lead.length()) + " = " + a.group(3);
      }
      run.clear();
    }
    return String.join("\n", lines);
  }
}
