package drslink.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import drslink.docs.TerraformBlockReader.Block;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerraformBlockReaderTest {
  @Test
  void readsAttributesAndSkipsNestedBlocksAndComments() {
    List<Block> blocks =
        TerraformBlockReader.read(
            """
            # banner
            variable "days" {
              description = "Days to keep; \\"PIT\\" rule 3." # trailing
              type        = number // also a comment
              /* block
                 comment */
              validation {
                condition     = var.days >= 1 && length("}") == 1
                error_message = "The days must be { 1 or more."
              }
            }

            output "id" { description = "ID." }
            """);
    assertEquals(
        List.of(
            new Block("variable", List.of("days"), Map.of("description", "\"Days to keep; \\\"PIT\\\" rule 3.\"", "type", "number")),
            new Block("output", List.of("id"), Map.of("description", "\"ID.\""))),
        blocks);
    assertEquals("Days to keep; \"PIT\" rule 3.", HclStrings.text(blocks.get(0).attributes().get("description")));
  }

  @Test
  void keepsMultiLineTypesAndDefaultsAsOneLineOfHcl() {
    Block block =
        TerraformBlockReader.read(
                """
                variable "rules" {
                  type = map(object({
                    port  = number
                    cidrs = list(string) # why
                  }))
                  default = {
                    https = { port = 443, cidrs = ["10.0.0.0/8"] }
                  }
                }
                """)
            .get(0);
    assertEquals("map(object({ port  = number, cidrs = list(string) }))", HclStrings.oneLine(block.attributes().get("type")));
    assertEquals("{ https = { port = 443, cidrs = [\"10.0.0.0/8\"] } }", HclStrings.oneLine(block.attributes().get("default")));
  }

  @Test
  void readsHeredocDescriptionsAndTemplates() {
    Block block =
        TerraformBlockReader.read(
                """
                variable "x" {
                  description = <<-EOT
                    First line,
                    second } line.
                  EOT
                  type    = string
                  default = "${var.prefix}-{x}"
                }
                """)
            .get(0);
    assertEquals("First line, second } line.", HclStrings.text(block.attributes().get("description")));
    assertEquals("\"${var.prefix}-{x}\"", block.attributes().get("default"));
  }

  @Test
  void namesTheLineOfBrokenInput() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TerraformBlockReader.read("variable \"x\" {\n  type = string\n"));
    assertEquals("unclosed block at line 3", e.getMessage());
  }

  @Test
  void rendersTablesSortedWithPipesEscapedAndDefaultsInCode() {
    ModuleInterface module =
        new ModuleInterface(
            "m",
            List.of(
                new ModuleInterface.Variable("b", Optional.of("Either a | b."), Optional.of("string"), Optional.of("\"x|y\"")),
                new ModuleInterface.Variable("a", Optional.of("First."), Optional.of("list(string)"), Optional.empty())),
            List.of(new ModuleInterface.Output("id", Optional.of("ID."))));
    assertEquals(
        """
        ## Inputs

        | Name | Description | Type | Default | Required |
        |------|-------------|------|---------|:--------:|
        | a | First. | `list(string)` | n/a | yes |
        | b | Either a \\| b. | `string` | `"x\\|y"` | no |

        ## Outputs

        | Name | Description |
        |------|-------------|
        | id | ID. |
        """,
        MarkdownTables.render(module));
  }

  @Test
  void replacesOnlyTheGeneratedBlockOfAReadme() {
    String readme = "# m\n\nHand-written.\n\n" + ReadmeDocsBlock.BEGIN + "\nold\n" + ReadmeDocsBlock.END + "\n\nFooter.\n";
    assertEquals(
        "# m\n\nHand-written.\n\n" + ReadmeDocsBlock.BEGIN + "\nnew\n" + ReadmeDocsBlock.END + "\n\nFooter.\n",
        ReadmeDocsBlock.replace(readme, "new\n"));
  }

  @Test
  void readsEveryModuleOfTheRepository() throws Exception {
    ModuleInterface endpoints = ModuleInterface.read(Path.of("modules/drs-endpoints"));
    assertEquals("drs-endpoints", endpoints.name());
    assertEquals(Optional.of("{}"), endpoints.variables().stream().filter(v -> v.name().equals("tags")).findFirst().orElseThrow().defaultValue());
  }
}
