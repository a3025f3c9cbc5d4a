package drslink.cli;

import drslink.pipeline.ReportFormat;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What preflight and verify both take: the topology, the report format and where AWS answers. */
final class LiveCheckOptions {
  private final PositionalParamSpec topology = CommandSpecs.topology();

  private final OptionSpec format =
      CommandSpecs.option(
              ReportFormat.class,
              "FORMAT",
              "text (grouped by region), markdown (a pull-request comment or pipeline summary) or json (default: ${DEFAULT-VALUE}).",
              "--format")
          .defaultValue("text")
          .build();

  private final OptionSpec endpointUrl =
      CommandSpecs.option(String.class, "URL", "Send every AWS call to this URL (an emulator); default: AWS_ENDPOINT_URL, else AWS.", "--endpoint-url")
          .build();

  /** The examples and exit codes preflight and verify both print under their help. */
  static String[] footer(String command) {
    return new String[] {
      "  drslink " + command + " examples/tokyo-osaka/topology.yaml",
      "  drslink " + command + " --format markdown topology.yaml >> \"$GITHUB_STEP_SUMMARY\"",
      "  drslink " + command + " --endpoint-url http://127.0.0.1:5000 topology.yaml   # an emulator",
      "",
      "Exit codes: 0 everything holds (warnings allowed), 1 invalid topology, 5 a finding blocks,",
      "6 a read failed (network, credentials, permission, throttling, server error): one line each on",
      "stderr, and the findings made with what could be read are still printed (json: status \"unreadable\").",
      "What is checked and what is not: docs/live-checks.md."
    };
  }

  /** Adds these options and the topology parameter to a command. */
  CommandSpec addTo(CommandSpec spec) {
    return spec.addPositional(topology).addOption(format).addOption(endpointUrl);
  }

  Path topology() {
    return topology.getValue();
  }

  ReportFormat format() {
    return format.getValue();
  }

  /** The --endpoint-url given, or null. */
  String endpointUrl() {
    return endpointUrl.getValue();
  }
}
