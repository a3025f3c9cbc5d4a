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
}
