package drslink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.schema.SchemaJson;
import drslink.schema.TopologySchema;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class SchemaCommand implements Callable<Integer> {
  private final Services services;

  SchemaCommand(Services services) {
    this.services = services;
  }

  CommandSpec spec() {
    return CommandSpecs.command(
        "schema",
        this,
        List.of(
            "Print the JSON Schema (draft 2020-12) of the topology file to stdout.",
            "Editors use it for completion and hover help; the repository keeps a copy in schema/topology.schema.json."),
        List.of(
            "  drslink schema > topology.schema.json",
            "  # then, as the first line of a topology file, for the YAML language server:",
            "  # yaml-language-server: $schema=topology.schema.json"));
  }

  @Override
  public Integer call() {
    PrintWriter out = services.out();
    // Built here, not with the command: the whole tree (help, completion) makes every command and runs none.
    out.print(new SchemaJson(new ObjectMapper()).write(new TopologySchema().build()));
    out.flush();
    return ExitCodes.OK;
  }
}
