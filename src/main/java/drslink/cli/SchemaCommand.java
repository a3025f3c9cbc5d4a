package drslink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.schema.SchemaJson;
import drslink.schema.TopologySchema;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class SchemaCommand implements Callable<Integer> {
  private final TopologySchema schema = new TopologySchema();
  private final SchemaJson json = new SchemaJson(new ObjectMapper());
  private final Services services;

  SchemaCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    CommandSpec spec = CommandSpecs.command("schema", this);
    spec.usageMessage()
        .description(
            "Print the JSON Schema (draft 2020-12) of the topology file to stdout.",
            "Editors use it for completion and hover help; the repository keeps a copy in schema/topology.schema.json.")
        .footerHeading(CommandSpecs.EXAMPLES)
        .footer(
            "  drslink schema > topology.schema.json",
            "  # then, as the first line of a topology file, for the YAML language server:",
            "  # yaml-language-server: $schema=topology.schema.json");
    return spec;
  }

  @Override
  public Integer call() {
    PrintWriter out = services.out();
    out.print(json.write(schema.build()));
    out.flush();
    return ExitCodes.OK;
  }
}
