package drslink.cli;

import drslink.live.Findings;
import drslink.live.LiveReport;
import drslink.live.ReadOnlyGuard;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What preflight and verify share: load and validate the topology, read the live account, print the
 * report, choose the exit code. The SDK is reached only through {@link LiveRun}, called from here,
 * so validate, plan and generate never load it.
 */
final class LiveCheckRunner {
  private LiveCheckRunner() {}

  static int run(
      String command, Services services, CommonOptions options, LiveCheckOptions live, Checks checks) {
    drslink.pipeline.ReportFormat format = live.format();
    String endpointOption = live.endpointUrl();
    java.util.Optional<drslink.pipeline.Loaded> usable = services.loadUsable(live.topology(), options);
    if (usable.isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    drslink.pipeline.Loaded loaded = usable.get();
    PrintWriter err = services.err();
    URI endpoint;
    try {
      endpoint = endpoint(endpointOption);
    } catch (URISyntaxException | IllegalArgumentException e) {
      err.println("drslink: --endpoint-url " + endpointOption + " is not a URL (hint: write it as http://127.0.0.1:5000)");
      return ExitCodes.USAGE;
    }
    Topology topology = loaded.topology().orElseThrow();
    ReadOnlyGuard guard = new ReadOnlyGuard();
    Findings findings = checks.run(loaded.model().orElseThrow(), endpoint, guard);
    for (String line : findings.unreadable()) {
      err.println("drslink: " + command + ": cannot read: " + line);
    }
    if (!findings.unreadable().isEmpty()) {
      err.println(
          "drslink: " + command + ": the result is incomplete (hint: credentials come from the default chain, e.g. AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY;"
              + " they need read access to EC2, Route 53 and DRS, and sts:AssumeRole on each role_arn; docs/live-checks.md lists the actions)");
    }
    err.flush();
    if (options.verbosity() > 0) {
      // An audit of what was read: one line per AWS operation, every one of them a read.
      Map<String, Long> counts = new TreeMap<>();
      guard.calls().forEach(c -> counts.merge(c, 1L, Long::sum));
      counts.forEach((call, n) -> err.println("drslink: " + command + ": read " + call + " (" + n + (n == 1 ? " call)" : " calls)")));
      err.flush();
    }
    LiveReport report = new LiveReport(new com.fasterxml.jackson.databind.ObjectMapper());
    String name = topology.name().value();
    String text =
        switch (format) {
          case json -> report.json(command, name, loaded.displayName(), findings);
          case markdown -> report.markdown(command, name, loaded.displayName(), findings);
          case text -> report.text(command, name, loaded.displayName(), findings);
        };
    services.out().print(text);
    services.out().flush();
    if (!findings.unreadable().isEmpty()) {
      return ExitCodes.AWS_UNREADABLE;
    }
    boolean blocks = findings.hasErrors() || (options.strict() && findings.hasWarnings());
    return blocks ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** --endpoint-url, else AWS_ENDPOINT_URL (the SDKs' shared setting), else AWS itself. */
  private static URI endpoint(String option) throws URISyntaxException {
    String value = option != null ? option : System.getenv("AWS_ENDPOINT_URL");
    if (value == null || value.isBlank()) {
      return null;
    }
    URI uri = new URI(value.trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(value);
    }
    return uri;
  }

  /** Which checks a command runs. */
  interface Checks {
    Findings run(ReplicationModel model, URI endpoint, ReadOnlyGuard guard);
  }
}
