package harness.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terratest's {@code terraform} package in Java: each method runs one tofu (or terraform) command
 * in the root of {@link TerraformOptions#dir()} through a {@link ToolRunner}, and throws {@link
 * ToolException} with the tool's own stderr when the command fails. Transient failures listed in
 * {@link TerraformOptions#retryReason} are run again.
 *
 * <p>Every run's environment: the runner's {@link ToolRunner#environment()}, then HOME inside the
 * root and a short TMPDIR, then {@link TerraformOptions#env()}.
 */
public final class Terraform {

  static final String PLAN_FILE = "harness.tfplan";

  private final ToolRunner runtime;
  private final TerraformOptions options;
  private final ObjectMapper json;
  private final Map<String, String> env;
  private final String binary;
  private final CommandLog log;
  private Plan fullPlan;
  /** What the plan file holds: the latest plan this object made. */
  private Plan latestPlan;

  public Terraform(ToolRunner runtime, TerraformOptions options) {
    this(runtime, options, new ObjectMapper());
  }

  public Terraform(ToolRunner runtime, TerraformOptions options, ObjectMapper json) {
    this.runtime = runtime;
    this.options = options;
    this.json = json;
    this.binary = options.binary() != null ? options.binary() : runtime.defaultBinary();
    this.log = options.logDir() == null ? null : new CommandLog(options.logDir());
    Map<String, String> e = new LinkedHashMap<>(runtime.environment());
    // HOME inside the root: no developer's ~/.terraformrc or ~/.aws can reach a run.
    Path home = options.dir().resolve(".terraform").resolve("home");
    mkdirs(home);
    e.put("HOME", home.toString());
    e.put("TMPDIR", checkedTempDir(runtime.tempDir()));
    e.putAll(options.env());
    this.env = Map.copyOf(e);
  }

  /**
   * A unix socket path holds at most 107 bytes, and go-plugin names each provider's socket
   * {@code $TMPDIR/plugin<up to 10 digits>}. A longer TMPDIR makes the provider exit before its
   * handshake, which tofu reports only as "Failed to read any lines from plugin's stdout". TMPDIR
   * used to lie inside the workspace, which crossed the limit for the longest case name in CI's
   * checkout path (stops 7 and 8).
   */
  static final int MAX_TEMP_DIR_BYTES = 107 - "/plugin".length() - 10;

  static String checkedTempDir(String dir) {
    int bytes = dir.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEMP_DIR_BYTES) {
      throw new IllegalStateException(
          "TMPDIR for tofu is "
              + bytes
              + " bytes long ("
              + dir
              + "); providers listen on a unix socket there, which allows at most "
              + MAX_TEMP_DIR_BYTES
              + " bytes for the folder. Point -Djava.io.tmpdir at a shorter folder.");
    }
    return dir;
  }

  public TerraformOptions options() {
    return options;
  }

  /** The environment every run of this root gets. */
  public Map<String, String> environment() {
    return env;
  }

  public String init() {
    return run("init", List.of("init", "-input=false", "-no-color")).stdout();
  }

  public String validate() {
    return run("validate", List.of("validate", "-no-color")).stdout();
  }

  /** {@code fmt -check -recursive -diff}: fails listing the files and the diff tofu would apply. */
  public void fmtCheck() {
    run("fmt -check", List.of("fmt", "-check", "-recursive", "-diff", "-no-color"));
  }

  /** Plans with {@code -detailed-exitcode}, saves the plan, and parses {@code show -json}. */
  public Plan plan(Collection<String> excludes) {
    List<String> args = new ArrayList<>(List.of("plan", "-input=false", "-no-color"));
    args.add("-detailed-exitcode");
    args.add("-out=" + PLAN_FILE);
    args.addAll(varArgs());
    args.addAll(excludeArgs(excludes));
    CommandResult r = runAccepting("plan", args, 0, 2);
    CommandResult shown = run("show -json", List.of("show", "-json", "-no-color", PLAN_FILE));
    Plan plan = Plan.fromJson(r.exitCode(), parse(shown.stdout(), "show -json " + PLAN_FILE));
    latestPlan = plan;
    if (excludes.isEmpty()) {
      fullPlan = plan;
    }
    return plan;
  }

  public Plan plan() {
    return plan(List.of());
  }

  public String apply(Collection<String> excludes) {
    List<String> args =
        new ArrayList<>(List.of("apply", "-input=false", "-no-color", "-auto-approve"));
    args.addAll(varArgs());
    args.addAll(excludeArgs(excludes));
    return run("apply", args).stdout();
  }

  public String apply() {
    return apply(List.of());
  }

  /**
   * Applies exactly what {@code planned} showed, from the plan file that plan wrote, as a pipeline
   * applies a reviewed plan: one graph walk instead of a plan and an apply, so each provider
   * configuration starts once. The file holds the variables' values (tofu refuses {@code -var} with a
   * saved plan). {@code planned} must be this root's latest plan: each plan overwrites the file.
   */
  public String apply(Plan planned) {
    if (planned != latestPlan) {
      throw new IllegalStateException("not this root's latest plan: its plan file was overwritten since");
    }
    return run("apply", List.of("apply", "-input=false", "-no-color", PLAN_FILE)).stdout();
  }

  public String destroy() {
    List<String> args =
        new ArrayList<>(List.of("destroy", "-input=false", "-no-color", "-auto-approve"));
    args.addAll(varArgs());
    return run("destroy", args).stdout();
  }

  /** Cleanup after a failed test: destroys, and only reports a failure so the test's own one stays. */
  public void destroyQuietly(String caseName) {
    try {
      destroy();
    } catch (RuntimeException e) {
      System.err.println("[terraform] " + caseName + ": cleanup destroy failed too: " + e.getMessage());
    }
  }

  /** All root outputs, by name ({@code output -json}). */
  public Map<String, JsonNode> outputs() {
    JsonNode all = parse(run("output", List.of("output", "-json", "-no-color")).stdout(), "output");
    Map<String, JsonNode> out = new LinkedHashMap<>();
    all.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("value")));
    return out;
  }

  public JsonNode output(String name) {
    return parse(
        run("output " + name, List.of("output", "-json", "-no-color", name)).stdout(),
        "output " + name);
  }

  /** The state as {@code show -json} prints it. */
  public JsonNode show() {
    return parse(run("show", List.of("show", "-json", "-no-color")).stdout(), "show -json");
  }

  /** Runs any tofu command and returns its result without judging the exit code. */
  public CommandResult raw(List<String> args) {
    return runtime.run(binary, args, options.dir(), env, options.commandTimeout());
  }

  /** The binary's file name: "tofu" or "terraform" (which has no {@code -exclude}). */
  public String toolName() {
    return Path.of(binary).getFileName().toString();
  }

  private CommandResult run(String what, List<String> args) {
    return runAccepting(what, args, 0);
  }

  private CommandResult runAccepting(String what, List<String> args, int... okExitCodes) {
    int attempt = 0;
    while (true) {
      long t0 = System.nanoTime();
      CommandResult r = raw(args);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.err.printf(
          "[terraform] %s: %s %s: exit %d in %.1fs%n",
          options.label(), toolName(), what, r.exitCode(), seconds);
      if (log != null) {
        log.keep(what, r, seconds);
      }
      for (int ok : okExitCodes) {
        if (r.exitCode() == ok) {
          return r;
        }
      }
      String retryReason = retryReason(r);
      if (retryReason == null || attempt >= options.maxRetries()) {
        throw new ToolException(
            toolName() + " " + what + " (" + runtime.name() + " runtime)", r);
      }
      attempt++;
      System.err.printf(
          "[terraform] %s %s hit a known transient error (%s); retry %d of %d%n",
          toolName(), what, retryReason, attempt, options.maxRetries());
      sleep(options.timeBetweenRetries().toMillis());
    }
  }

  private String retryReason(CommandResult r) {
    return options.retryReason(r.stderr() + "\n" + r.stdout());
  }

  private List<String> varArgs() {
    List<String> out = new ArrayList<>();
    options.vars().forEach((k, v) -> out.add("-var=" + k + "=" + v));
    return out;
  }

  /**
   * {@code -exclude=} for each address (OpenTofu >= 1.9). Terraform has no -exclude: there the same
   * run targets every other resource of the last full plan instead. That equals -exclude as long as
   * nothing outside the list depends on an excluded resource.
   */
  private List<String> excludeArgs(Collection<String> excludes) {
    List<String> out = new ArrayList<>();
    if (excludes.isEmpty()) {
      return out;
    }
    if (!toolName().startsWith("terraform")) {
      for (String e : excludes) {
        out.add("-exclude=" + e);
      }
      return out;
    }
    if (fullPlan == null) {
      throw new IllegalStateException("terraform has no -exclude; plan without exclusions first");
    }
    for (ResourceChange rc : fullPlan.resourceChanges()) {
      if (rc.isManaged() && !excludes.contains(rc.address())) {
        out.add("-target=" + rc.address());
      }
    }
    return out;
  }

  private JsonNode parse(String text, String what) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          toolName()
              + " "
              + what
              + " printed no JSON: "
              + e.getOriginalMessage()
              + "\n"
              + head(text),
          e);
    }
  }

  private static String head(String s) {
    return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void mkdirs(Path p) {
    try {
      Files.createDirectories(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
