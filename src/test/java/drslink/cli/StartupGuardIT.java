package drslink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start-up measures of the README ("Each kept start-up measure and its row", under Performance) that a later
 * change could undo without any test noticing, held by the classes the packaged jar loads ({@code -Xlog:class+load},
 * which the machine's load does not move), for every bundled example.
 *
 * <p>Each forbidden class names the measure it guards: when one shows up, the message says which measure was undone.
 */
class StartupGuardIT {
  private static final String USED_ALL = "Used all archived lambda proxy classes for: ";

  /** Loaded by neither {@code validate} nor {@code generate}; the value is the measure that keeps it out. */
  private static final Map<String, String> NEVER =
      Map.of(
          "com.fasterxml.jackson.databind.ObjectMapper",
          "policy documents printed with jackson-core's generator (IamPolicies.PolicyWriter), YAML read without Jackson",
          "picocli.CommandLine$AutoHelpMixin",
          "-h/--help and -V/--version added by CommandSpecs.addHelpOptions, not mixinStandardHelpOptions",
          "picocli.CommandLine$Model$TypedMember",
          "commands modelled with picocli's programmatic API (CommandSpecs), not read from annotations",
          "picocli.codegen.docgen.manpage.ManPageGenerator",
          "only the named command built (Drslink.execute)",
          "java.sql.DriverManager",
          "picocli's converters found by reflection switched off (Drslink.configureLibraries), paths converted by CommandSpecs",
          "java.util.logging.LogManager",
          "Freemarker without a logging library (Drslink.configureLibraries)",
          "java.lang.runtime.ObjectMethods",
          "no record equals/hashCode/toString linked on the way (Vpc equal by name, Diagnostics.sorted by printed line,"
              + " Providers by alias, manifests compared as text, ModuleBlock's shape check an assertion); to find the record,"
              + " run with -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true and look for ObjectMethods.bootstrap");

  /** Also never loaded by {@code validate}: it renders nothing. */
  private static final Map<String, String> NEVER_IN_VALIDATE =
      Map.of(
          "freemarker.template.Configuration", "stages built on first use (Pipeline): validate renders nothing",
          "com.fasterxml.jackson.core.JsonFactory", "YAML read from SnakeYAML's events (YamlTreeReader), not Jackson's parser");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.map(d -> d.resolve("topology.yaml")).filter(Files::isRegularFile).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void generateLoadsNoneOfTheClassesAMeasureKeepsOut(Path topology, @TempDir Path out) throws Exception {
    assertNoneLoaded(loadedBy("generate", topology.toString(), "-o", out.resolve("root").toString()), NEVER);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void validateLoadsNoTemplateEngineAndNoJackson(Path topology) throws Exception {
    Set<String> loaded = loadedBy("validate", topology.toString());
    assertNoneLoaded(loaded, NEVER);
    assertNoneLoaded(loaded, NEVER_IN_VALIDATE);
  }

  /**
   * The launcher's start, with the archive built with the jar: every drslink class comes from the archive, the class the
   * launcher starts included (the training run loads it, {@code Training.LAUNCHED}). One missing is read and verified from
   * the jar on every start; {@code drslink.cli.Main} missing opened the jar's 21,000-entry directory before main().
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void theLauncherTakesEveryDrslinkClassFromTheArchive(Path topology, @TempDir Path out) throws Exception {
    assertTrue(
        Files.isRegularFile(Path.of("target/drslink.jsa")) || Files.isRegularFile(Path.of("target/drslink.aot")),
        "no class-data archive beside target/drslink.jar: mvn package builds it (scripts/cds.sh) unless -Ddrslink.cds=off");
    // The launcher maps the archive only for the JDK that built it, and this test puts its own java first on PATH.
    String builtBy = Files.readString(Path.of("target/drslink.jvm")).strip();
    assertEquals(builtBy, Path.of(System.getProperty("java.home")).toRealPath().toString(), "target/drslink.jvm: the archive was built by another JDK than the one running this test");
    for (List<String> args : List.of(List.of("validate", topology.toString()), List.of("generate", topology.toString(), "-o", out.resolve("root").toString()))) {
      List<String> command = new ArrayList<>(List.of("scripts/drslink"));
      command.addAll(args);
      ProcessBuilder builder = new ProcessBuilder(command);
      // cds=debug names each call site whose archived lambda class was already taken (notFromTheArchive).
      builder.environment().put("DRSLINK_JAVA_OPTS", "-Xlog:class+load=info:stdout -Xlog:cds=debug:stdout");
      builder.environment().put("PATH", Path.of(javaBinary()).getParent() + java.io.File.pathSeparator + System.getenv("PATH"));
      String log = output(builder);
      assertTrue(log.contains("[class,load] drslink.cli.Main source: shared objects file"), "drslink.cli.Main not from the archive:\n" + log);
      assertEquals(List.of(), notFromTheArchive(log), "drslink classes " + args.get(0) + " read from the jar, not the archive (is Training missing a path?)");
    }
  }

  /**
   * The drslink classes a run's log shows loaded other than from the archive, less the lambda classes two threads made
   * for one call site at once. The archive holds one lambda class per call site and hands it out once; when the main
   * thread and the documents thread ({@code TreeRenderer.render}) link the same site at the same moment, both run its
   * bootstrap (JVMS 17 §5.4.3.6 lets them) and the second finds the archived class taken, logs "Used all archived lambda
   * proxy classes for: HOST ..." and makes its own (HotSpot's systemDictionaryShared.cpp,
   * get_shared_lambda_proxy_class; the message is in this JDK 17's libjvm.so). Seen in 1 of 30 to 1 of 300 runs of fan-in; the site was trained, so it stays
   * allowed, one made class per such line. A site the training missed has no archived class and no such line.
   */
  static List<String> notFromTheArchive(String log) {
    Map<String, Integer> taken = new HashMap<>();
    List<String> lines = log.lines().toList();
    for (String line : lines) {
      int used = line.indexOf(USED_ALL);
      if (used >= 0) {
        String site = line.substring(used + USED_ALL.length());
        taken.merge(site.substring(0, site.indexOf(' ')), 1, Integer::sum);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String line : lines) {
      if (!line.contains("[class,load] drslink.") || line.contains("source: shared objects file")) {
        continue;
      }
      int lambda = line.indexOf("$$Lambda$");
      String host = lambda < 0 ? null : line.substring(line.indexOf("drslink."), lambda);
      if (host != null && line.endsWith("source: " + host) && taken.getOrDefault(host, 0) > 0) {
        taken.merge(host, -1, Integer::sum);
      } else {
        missing.add(line);
      }
    }
    return missing;
  }

  /** The filter above, on the lines stop 32's CI printed: a race's made class passes, a training gap does not. */
  @Test
  void onlyALambdaClassWhoseArchivedTwinWasTakenPasses() {
    String archived = "[0.20s][info][class,load] drslink.plan.Plan source: shared objects file\n";
    String made = "[0.30s][info][class,load] drslink.plan.Plan$$Lambda$348/0x00007f69c00065e8 source: drslink.plan.Plan\n";
    String usedAll = "[0.30s][debug][cds] " + USED_ALL + "drslink.plan.Plan apply()Ljava/util/function/Function;\n";
    String fromJar = "[0.31s][info][class,load] drslink.plan.Planner source: jar:file:/x/drslink.jar!/\n";
    assertEquals(List.of(), notFromTheArchive(archived + usedAll + made));
    assertEquals(List.of(made.strip()), notFromTheArchive(archived + made), "a lambda class made with no archived twin taken");
    assertEquals(List.of(made.strip()), notFromTheArchive(usedAll + made + made), "two made for one taken");
    assertEquals(List.of(fromJar.strip()), notFromTheArchive(usedAll.replace("Plan apply", "Planner apply") + fromJar), "a class read from the jar");
  }

  private static void assertNoneLoaded(Set<String> loaded, Map<String, String> forbidden) {
    List<String> undone = new ArrayList<>();
    forbidden.forEach(
        (cls, measure) -> {
          if (loaded.contains(cls)) {
            undone.add(cls + " was loaded: undoes \"" + measure + "\"");
          }
        });
    assertEquals(List.of(), undone, "start-up measures undone (README, Performance)");
  }

  /** The classes a run of the packaged jar loads, by name, from {@code -Xlog:class+load}. */
  private static Set<String> loadedBy(String... args) throws IOException, InterruptedException {
    Path jar = Path.of("target/drslink.jar");
    assertTrue(Files.isRegularFile(jar), "no target/drslink.jar: run `mvn package` first");
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xshare:off", "-Xlog:class+load=info:stdout", "-jar", jar.toString()));
    command.addAll(List.of(args));
    String out = output(new ProcessBuilder(command));
    Set<String> loaded = new TreeSet<>();
    for (String line : out.split("\n")) {
      int at = line.indexOf("[class,load] ");
      if (at >= 0) {
        String rest = line.substring(at + "[class,load] ".length());
        loaded.add(rest.substring(0, rest.indexOf(' ') < 0 ? rest.length() : rest.indexOf(' ')));
      }
    }
    assertTrue(loaded.size() > 500, "the class-load log was not read: " + loaded.size() + " classes\n" + out);
    return loaded;
  }

  /** What a run that must exit 0 prints, stdout and stderr together. */
  private static String output(ProcessBuilder builder) throws IOException, InterruptedException {
    Process p = builder.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + builder.command());
    assertEquals(0, p.exitValue(), "exit code of " + builder.command() + "\n" + out);
    return out;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
