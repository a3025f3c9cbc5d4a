package drslink.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What preflight and verify both take: the topology, the report format and where AWS answers. */
final class LiveCheckOptions {
  @Parameters(index = "0", paramLabel = "TOPOLOGY", description = "The topology YAML file.")
  Path topology;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text (grouped by region), markdown (a pull-request comment or pipeline summary) or json (default: ${DEFAULT-VALUE}).")
  drslink.pipeline.ReportFormat format;

  @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this URL (an emulator); default: AWS_ENDPOINT_URL, else AWS.")
  String endpointUrl;
}
