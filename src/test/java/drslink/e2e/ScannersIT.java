package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harness.terraform.CommandResult;
import harness.terraform.Processes;
import harness.terraform.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14: the generated Terraform passes the scanners teams run on it in the same pull request.
 * For every example and golden topology, generate the root with the packaged CLI and run checkov,
 * tflint (bundled terraform ruleset, local module calls inspected) and trivy config on it. Every
 * finding must be fixed or suppressed inline where it arises (checkov:skip, tflint-ignore,
 * trivy:ignore), so a root with any unsuppressed finding fails, listing each one as {@code tool
 * check-id file:line resource: message}.
 *
 * <p>The scanners are the toolchain's pinned builds ({@code DRSLINK_CHECKOV}, {@code
 * DRSLINK_TFLINT}, {@code DRSLINK_TRIVY} from {@code scripts/toolchain.sh env}); a missing one, or
 * one of another version, fails the suite. They run offline: checkov with {@code --skip-download}
 * and no update check, trivy with its embedded checks ({@code --skip-check-update}) and no
 * vulnerability database; where the machine allows it ({@code unshare -n}, as root) each runs in a
 * network namespace of its own that has no interface but loopback, so an attempt to reach the
 * network fails the scan instead of leaving the machine.
 *
 * <p>Each scan also asserts that the tool looked at something (resources, checks passed, files), so
 * a scanner that silently parsed nothing cannot pass. Cases run on {@code
 * -Ddrslink.scanners.parallelism} workers (default 2: the machine has 2 cores); the time each tool
 * took over all roots is printed at the end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(Integer.MAX_VALUE) // last: it may wait for the scanner build scripts/test.sh runs beside the others
class ScannersIT {

  static final String CHECKOV_VERSION = "3.3.30";
  static final String TFLINT_VERSION = "0.64.0";
  static final String TRIVY_VERSION = "0.74.0";
  static final String PARALLELISM_PROPERTY = "drslink.scanners.parallelism";

  /**
   * tflint's configuration for every root: the bundled terraform ruleset's recommended preset, and
   * the local module calls ({@code ./modules/*}) evaluated, so module inputs are inspected too.
   */
  static final String TFLINT_CONFIG =
      "config {\n"
          + "  call_module_type = \"local\"\n"
          + "}\n\n"
          + "plugin \"terraform\" {\n"
          + "  enabled = true\n"
          + "  preset  = \"recommended\"\n"
          + "}\n";

  enum Tool {
    CHECKOV,
    TFLINT,
    TRIVY;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final ObjectMapper json = new ObjectMapper();
  private final Path project = Workspace.projectDir();
  private final Map<Tool, Path> bins = new EnumMap<>(Tool.class);
  private final Map<Tool, AtomicLong> nanos = new EnumMap<>(Tool.class);
  private final Map<Path, Future<List<String>>> results = new LinkedHashMap<>();
  private List<String> isolation = List.of();
  private DrslinkCli cli;
  private ExecutorService workers;
  private Workspace ws;
  private Path tflintConfig;
  private long started;

  @BeforeAll
  void start() throws IOException {
    started = System.nanoTime();
    cli = DrslinkCli.fromBuild(project);
    // On a fresh machine scripts/test.sh builds tflint and trivy beside the suites that run first.
    DeferredScannerBuild.awaitIfPending(Duration.ofMinutes(75));
    bins.put(Tool.CHECKOV, tool("DRSLINK_CHECKOV", "checkov", CHECKOV_VERSION, "--version"));
    bins.put(Tool.TFLINT, tool("DRSLINK_TFLINT", "tflint", TFLINT_VERSION, "--version"));
    bins.put(Tool.TRIVY, tool("DRSLINK_TRIVY", "trivy", TRIVY_VERSION, "--version"));
    for (Tool t : Tool.values()) {
      nanos.put(t, new AtomicLong());
    }
    isolation = networkIsolation();
    ws = Workspace.create("scanners");
    tflintConfig = ws.resolve(".tflint.hcl");
    Files.writeString(tflintConfig, TFLINT_CONFIG, StandardCharsets.UTF_8);
    List<Named<Path>> cases = topologies();
    int n = Math.max(1, Math.min(Integer.getInteger(PARALLELISM_PROPERTY, 2), cases.size()));
    workers = Executors.newFixedThreadPool(n);
    System.err.println(
        "[scanners] "
            + cases.size()
            + " roots on "
            + n
            + " workers; network: "
            + (isolation.isEmpty() ? "not isolated (unshare -n unavailable)" : "unshare -n"));
    for (Named<Path> c : cases) {
      results.put(c.getPayload(), workers.submit(() -> scan(c.getName(), c.getPayload())));
    }
  }

  @AfterAll
  void stop() throws InterruptedException {
    if (workers != null) {
      workers.shutdownNow();
      workers.awaitTermination(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    if (ws != null) {
      ws.close();
    }
    StringBuilder b = new StringBuilder("[scanners] scan time over all roots:");
    nanos.forEach(
        (t, v) -> b.append(' ').append(t.label()).append('=').append(secs(v.get())));
    b.append(" wall=").append(secs(System.nanoTime() - started));
    System.err.println(b);
  }

  List<Named<Path>> topologies() {
    return E2eCases.all(project);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void everyFindingIsFixedOrSuppressedInline(Path topologyFile) throws Throwable {
    List<String> findings;
    try {
      findings = results.get(topologyFile).get();
    } catch (ExecutionException e) {
      throw e.getCause();
    }
    if (!findings.isEmpty()) {
      fail(
          findings.size()
              + " unsuppressed scanner finding(s) in the root generated from "
              + project.relativize(topologyFile)
              + " (fix each, or suppress it inline where it arises with a reason):\n  "
              + String.join("\n  ", findings));
    }
  }

  /**
   * The check above can fail: a root of 40 module calls makes trivy 0.74 evaluate 32 and skip 8,
   * and {@link #trivySkippedModules} names those 8. Should a trivy release lift the limit, this
   * fails and says so, and the README's note on it can go.
   */
  @Test
  void trivysModuleCallLimitIsDetected() throws IOException {
    Path root = ws.resolve("trivy-40-module-calls");
    Files.createDirectories(root.resolve("mod"));
    Files.writeString(
        root.resolve("mod/main.tf"),
        "variable \"name\" {\n  type = string\n}\n\n"
            + "resource \"aws_security_group\" \"this\" {\n  name        = var.name\n"
            + "  description = \"probe\"\n}\n",
        StandardCharsets.UTF_8);
    StringBuilder main = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      main.append(String.format(Locale.ROOT, "module \"m%02d\" {%n  source = \"./mod\"%n  name   = \"m%02d\"%n}%n", i, i));
    }
    Files.writeString(root.resolve("main.tf"), main.toString(), StandardCharsets.UTF_8);
    CommandResult r = trivyRun(root);
    List<String> skipped = trivySkippedModules(r.stderr());
    assertEquals(8, skipped.size(), "trivy skips the module calls past 32:\n" + String.join("\n", skipped));
    assertTrue(skipped.get(0).contains("module.m32"), skipped.get(0));
  }

  // ------------------------------------------------------------------------------------------
  // One root: generate, then each scanner in turn
  // ------------------------------------------------------------------------------------------

  private List<String> scan(String caseName, Path topologyFile) throws IOException {
    Path root = ws.resolve(caseName.replace('/', '-'));
    cli.generate(topologyFile, root);
    List<String> findings = new ArrayList<>();
    findings.addAll(timed(Tool.CHECKOV, () -> checkov(caseName, root)));
    findings.addAll(timed(Tool.TFLINT, () -> tflint(caseName, root)));
    findings.addAll(timed(Tool.TRIVY, () -> trivy(caseName, root)));
    return findings;
  }

  /** checkov, terraform framework only; every failed check is a finding, skipped ones are not. */
  List<String> checkov(String caseName, Path root) throws IOException {
    CommandResult r =
        run(
            Tool.CHECKOV,
            root,
            List.of(
                "-d", ".", "--framework", "terraform", "--skip-download", "-o", "json", "--compact",
                "--quiet"),
            Map.of("CKV_SKIP_PACKAGE_UPDATE_CHECK", "true", "BC_SKIP_MAPPING", "TRUE"));
    // exit 0: no failed check, 1: failed checks; anything else is checkov failing
    JsonNode report = parse(Tool.CHECKOV, caseName, r, r.exitCode() == 0 || r.exitCode() == 1);
    List<String> out = new ArrayList<>();
    List<JsonNode> reports = new ArrayList<>();
    if (report.isArray()) {
      report.forEach(reports::add);
    } else {
      reports.add(report);
    }
    int resources = 0;
    for (JsonNode rep : reports) {
      JsonNode summary = rep.path("summary");
      int parseErrors = summary.path("parsing_errors").asInt(0);
      assertTrue(
          parseErrors == 0,
          "checkov could not parse " + parseErrors + " file(s) of " + caseName + ":\n" + rep.path("results").path("parsing_errors"));
      resources += summary.path("resource_count").asInt(0);
      for (JsonNode f : rep.path("results").path("failed_checks")) {
        JsonNode lines = f.path("file_line_range");
        out.add(
            String.format(
                "checkov %s %s:%d %s: %s",
                f.path("check_id").asText(),
                f.path("file_path").asText().replaceFirst("^/", ""),
                lines.path(0).asInt(),
                f.path("resource").asText(),
                f.path("check_name").asText()));
      }
    }
    assertTrue(
        resources > 0,
        "checkov found no resource in " + caseName + ": it scanned nothing\n" + r.stdout() + r.stderr());
    return out;
  }

  /** tflint --recursive over the root and its modules, local module calls evaluated. */
  List<String> tflint(String caseName, Path root) throws IOException {
    CommandResult r =
        run(
            Tool.TFLINT,
            root,
            List.of("--config=" + tflintConfig, "--recursive", "--format=json", "--no-color"),
            Map.of());
    // exit 0: clean, 2: issues found; 1 and others: tflint failed
    JsonNode report = parse(Tool.TFLINT, caseName, r, r.exitCode() == 0 || r.exitCode() == 2);
    List<String> out = new ArrayList<>();
    for (JsonNode e : report.path("errors")) {
      out.add(
          String.format(
              "tflint ERROR %s:%d %s",
              e.path("range").path("filename").asText(),
              e.path("range").path("start").path("line").asInt(),
              e.path("message").asText()));
    }
    for (JsonNode i : report.path("issues")) {
      JsonNode range = i.path("range");
      out.add(
          String.format(
              "tflint %s %s:%d %s",
              i.path("rule").path("name").asText(),
              range.path("filename").asText(),
              range.path("start").path("line").asInt(),
              i.path("message").asText()));
    }
    return out;
  }

  /** trivy config with its embedded checks only; every FAIL is a finding (ignored ones are not listed). */
  List<String> trivy(String caseName, Path root) throws IOException {
    CommandResult r = trivyRun(root);
    JsonNode report = parse(Tool.TRIVY, caseName, r, r.exitCode() == 0);
    List<String> out = new ArrayList<>();
    int files = 0;
    int successes = 0;
    for (JsonNode result : report.path("Results")) {
      files++;
      successes += result.path("MisconfSummary").path("Successes").asInt(0);
      for (JsonNode m : result.path("Misconfigurations")) {
        if (!"FAIL".equals(m.path("Status").asText())) {
          continue;
        }
        JsonNode cause = m.path("CauseMetadata");
        out.add(
            String.format(
                "trivy %s %s:%d %s: %s",
                m.path("ID").asText(),
                result.path("Target").asText(),
                cause.path("StartLine").asInt(),
                cause.path("Resource").asText(),
                m.path("Message").asText(m.path("Title").asText())));
      }
    }
    assertTrue(
        files > 0 && successes > 0,
        "trivy evaluated no terraform check in " + caseName + ": it scanned nothing\n" + r.stdout() + r.stderr());
    out.addAll(trivySkippedModules(r.stderr()));
    return out;
  }

  /** trivy config on one folder, offline: embedded checks, no version check, no telemetry. */
  private CommandResult trivyRun(Path root) throws IOException {
    Path cache = Files.createTempDirectory(ws.dir(), "trivy-cache-");
    return
        run(
            Tool.TRIVY,
            root,
            List.of(
                "config",
                "--format", "json",
                "--skip-check-update",
                "--skip-version-check",
                "--disable-telemetry",
                "--cache-dir", cache.toString(),
                "--exit-code", "0",
                "--debug",
                "."),
            Map.of("TRIVY_NO_PROGRESS", "true"));
  }

  // name="endpoints_dr", or name="dns[\"key\"]" for an instance of a module call with for_each
  private static final String NAME = "[^\\n]*?\\sname=(\"(?:[^\"\\\\]|\\\\.)*\"|\\S+)";
  private static final Pattern TRIVY_LOADED = Pattern.compile("Loaded module" + NAME);
  private static final Pattern TRIVY_EVALUATED = Pattern.compile("Evaluating submodule" + NAME);

  /**
   * trivy 0.74 evaluates at most 32 module calls per root (pkg/iac/scanners/terraform/parser/
   * evaluator.go: each of its 32 iterations stops at the first module call that changed, so each
   * evaluates one new call) and silently skips the rest, whose resources then go unchecked. Its
   * debug log names every call it loaded and every one it evaluated: a call loaded but never
   * evaluated is a finding, since a clean report would prove nothing about it.
   */
  static List<String> trivySkippedModules(String debugLog) {
    Set<String> loaded = new TreeSet<>();
    Set<String> evaluated = new TreeSet<>();
    Matcher m = TRIVY_LOADED.matcher(debugLog);
    while (m.find()) {
      loaded.add(m.group(1));
    }
    m = TRIVY_EVALUATED.matcher(debugLog);
    while (m.find()) {
      evaluated.add(m.group(1));
    }
    if (loaded.isEmpty()) {
      return List.of("trivy NO-MODULE-LOG: its debug log names no loaded module call; cannot tell whether it evaluated them all");
    }
    loaded.removeAll(evaluated);
    List<String> out = new ArrayList<>();
    for (String name : loaded) {
      out.add("trivy MODULE-NOT-EVALUATED main.tf module." + name.replaceAll("^\"|\"$", "").replace("\\\"", "\"")
          + ": trivy loaded this module call but never evaluated it (its limit of 32 module calls per root), so its resources were not checked");
    }
    return out;
  }

  // ------------------------------------------------------------------------------------------
  // Plumbing
  // ------------------------------------------------------------------------------------------

  private interface Scan {
    List<String> run() throws IOException;
  }

  private List<String> timed(Tool tool, Scan scan) throws IOException {
    long t0 = System.nanoTime();
    try {
      return scan.run();
    } finally {
      nanos.get(tool).addAndGet(System.nanoTime() - t0);
    }
  }

  private CommandResult run(Tool tool, Path dir, List<String> args, Map<String, String> env) {
    List<String> command = new ArrayList<>(isolation);
    command.add(bins.get(tool).toString());
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    CommandResult r = Processes.run(pb, command, Duration.ofMinutes(5));
    Matcher net = NETWORK_ATTEMPT.matcher(r.stderr());
    if (net.find()) {
      throw new ToolException(
          tool.label() + " tried to reach the network (scans must run offline): " + net.group(), r);
    }
    return r;
  }

  /** What a Go or Python client prints when a connection it tried could not be made. */
  static final Pattern NETWORK_ATTEMPT =
      Pattern.compile(
          "[^\\n]*(dial tcp|dial udp|network is unreachable|Temporary failure in name resolution|Name or service not known|NewConnectionError|Max retries exceeded)[^\\n]*");

  private JsonNode parse(Tool tool, String caseName, CommandResult r, boolean exitOk) {
    if (!exitOk) {
      throw new ToolException(tool.label() + " on the root of " + caseName, r);
    }
    try {
      JsonNode node = json.readTree(r.stdout());
      if (node == null || node.isMissingNode()) {
        throw new IOException("empty output");
      }
      return node;
    } catch (IOException e) {
      throw new ToolException(
          tool.label() + " on the root of " + caseName + " printed no JSON report (" + e.getMessage() + ")", r);
    }
  }

  /** The pinned scanner named by {@code env}; a missing one or another version fails the suite. */
  private static Path tool(String env, String name, String version, String versionFlag) {
    String v = System.getenv(env);
    if (v == null || v.isBlank()) {
      throw new MissingToolException(name + " " + version + " ($" + env + " is not set)");
    }
    Path p = Path.of(v);
    if (!Files.isExecutable(p)) {
      throw new MissingToolException(name + " " + version + " ($" + env + "=" + v + " is not executable)");
    }
    List<String> cmd = List.of(p.toString(), versionFlag);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CKV_SKIP_PACKAGE_UPDATE_CHECK", "true");
    CommandResult r = Processes.run(pb, cmd, Duration.ofMinutes(2));
    String out = r.stdout() + r.stderr();
    if (!r.succeeded() || !out.contains(version)) {
      throw new MissingToolException(
          name + " " + version + " ($" + env + "=" + v + " reports: " + out.strip() + ")");
    }
    return p;
  }

  /** {@code unshare -n}: the scanner gets a network namespace with only a loopback interface. */
  private static List<String> networkIsolation() {
    List<String> cmd = List.of("unshare", "-n", "true");
    try {
      CommandResult r = Processes.run(new ProcessBuilder(cmd), cmd, Duration.ofSeconds(30));
      return r.succeeded() ? List.of("unshare", "-n") : List.of();
    } catch (UncheckedIOException e) {
      return List.of();
    }
  }

  private static String secs(long nanos) {
    return String.format(Locale.ROOT, "%.1fs", nanos / 1e9);
  }
}
