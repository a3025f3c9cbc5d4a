package drslink.docs;

import drslink.docs.ModuleInterface.Output;
import drslink.docs.ModuleInterface.Variable;

/** Renders a module's Inputs and Outputs tables in terraform-docs' markdown table format. */
final class MarkdownTables {
  private MarkdownTables() {}

  static String render(ModuleInterface module) {
    StringBuilder out = new StringBuilder();
    out.append("## Inputs\n\n");
    if (module.variables().isEmpty()) {
      out.append("No inputs.\n");
    } else {
      out.append("| Name | Description | Type | Default | Required |\n");
      out.append("|------|-------------|------|---------|:--------:|\n");
      for (Variable v : module.variables()) {
        row(out, v.name(), v.description().map(MarkdownTables::cell).orElse("n/a"), v.type().map(MarkdownTables::code).orElse("n/a"),
            v.defaultValue().map(MarkdownTables::code).orElse("n/a"), v.required() ? "yes" : "no");
      }
    }
    out.append("\n## Outputs\n\n");
    if (module.outputs().isEmpty()) {
      out.append("No outputs.\n");
    } else {
      out.append("| Name | Description |\n");
      out.append("|------|-------------|\n");
      for (Output o : module.outputs()) {
        row(out, o.name(), o.description().map(MarkdownTables::cell).orElse("n/a"));
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... cells) {
    out.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  /** Text in a cell: one line, and a pipe would end the cell, so it is escaped (GitHub honours \| in code too). */
  static String cell(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip().replace("|", "\\|");
  }

  /** HCL in a code span; a value that contains a backtick needs a longer fence. */
  static String code(String hcl) {
    String text = cell(hcl);
    return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
  }
}
