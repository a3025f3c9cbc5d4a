package drslink.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import drslink.pipeline.Pipeline;
import drslink.render.RenderedTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Terragrunt and Atlantis cannot run here (the Go module proxy refuses both), so their files are held to the shape
 * each documents: Atlantis's repo-level atlantis.yaml, version 3
 * (https://www.runatlantis.io/docs/repo-level-atlantis-yaml.html), and Terragrunt's dependency and inputs
 * (https://terragrunt.gruntwork.io/docs/reference/config-blocks-and-attributes/#dependency); units.json tells the
 * same order.
 */
class EngineFilesTest {
  // Keys the Atlantis reference documents for the file and for a project and its autoplan.
  private static final Set<String> TOP_KEYS =
      Set.of("version", "automerge", "autodiscover", "delete_source_branch_on_merge", "parallel_plan", "parallel_apply", "abort_on_execution_order_fail", "projects", "workflows", "allowed_regexp_prefixes");
  private static final Set<String> PROJECT_KEYS =
      Set.of(
          "name", "branch", "dir", "workspace", "execution_order_group", "delete_source_branch_on_merge", "repo_locking", "repo_locks", "custom_policy_check", "autoplan",
          "plan_requirements", "apply_requirements", "import_requirements", "silence_pr_comments", "terraform_version", "terraform_distribution", "depends_on", "workflow");
  private static final Set<String> AUTOPLAN_KEYS = Set.of("enabled", "when_modified");
  private static final Pattern DEPENDENCY = Pattern.compile("(?m)^dependency \"([a-z0-9_]+)\" \\{\\n  config_path = \"([^\"]+)\"\\n");
  private static final Pattern INPUT = Pattern.compile("(?m)^  ([a-z0-9_]+) += dependency\\.([a-z0-9_]+)\\.outputs\\.([a-z0-9_]+)$");
  private static final Pattern VARIABLE = Pattern.compile("(?m)^variable \"([a-z0-9_]+)\"");
  private static final Pattern OUTPUT = Pattern.compile("(?m)^output \"([a-z0-9_]+)\"");

  private final Pipeline pipeline = new Pipeline();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final ObjectMapper json = new ObjectMapper();

  private RenderedTree tree(String topology) {
    return Layout.units.render(Units.plan(pipeline, topology), Units.renderer(pipeline, topology));
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/cross-account/topology.yaml", "src/test/resources/golden/failback-accounts/topology.yaml", "examples/tokyo-osaka/topology.yaml", "examples/transit-gateway/topology.yaml"})
  void atlantisYamlHasTheDocumentedShapeAndOrder(String topology) throws Exception {
    Map<String, String> files = tree(topology).files();
    JsonNode root = yaml.readTree(files.get("atlantis.yaml"));
    root.fieldNames().forEachRemaining(k -> assertTrue(TOP_KEYS.contains(k), "atlantis.yaml key " + k));
    assertEquals(3, root.get("version").asInt());
    Map<String, Integer> groups = new HashMap<>();
    for (JsonNode p : root.get("projects")) {
      p.fieldNames().forEachRemaining(k -> assertTrue(PROJECT_KEYS.contains(k), "project key " + k));
      p.get("autoplan").fieldNames().forEachRemaining(k -> assertTrue(AUTOPLAN_KEYS.contains(k), "autoplan key " + k));
      String dir = p.get("dir").asText();
      assertTrue(files.containsKey(dir + "/main.tf") && files.containsKey(dir + "/terragrunt.hcl"), dir + " is a unit");
      assertNotNull(root.get("workflows").get(p.get("workflow").asText()), "workflow " + p.get("workflow") + " is defined");
      assertTrue(p.get("execution_order_group").isInt());
      assertTrue(groups.put(p.get("name").asText(), p.get("execution_order_group").asInt()) == null, "project names are unique");
    }
    for (JsonNode p : root.get("projects")) {
      for (JsonNode d : p.get("depends_on")) {
        assertTrue(groups.containsKey(d.asText()), p.get("name") + " depends on a project that exists: " + d);
        assertTrue(groups.get(d.asText()) < p.get("execution_order_group").asInt(), p.get("name") + " runs in a later group than " + d);
      }
    }
    for (String stage : List.of("plan", "apply")) {
      JsonNode steps = root.get("workflows").get("terragrunt").get(stage).get("steps");
      assertTrue(steps.isArray() && steps.size() > 0 && steps.get(0).get("run").asText().startsWith("terragrunt " + stage));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/cross-account/topology.yaml", "src/test/resources/golden/failback-accounts/topology.yaml", "examples/tokyo-osaka/topology.yaml", "examples/transit-gateway/topology.yaml"})
  void everyTerragruntDependencyPointsAtAUnitThatOutputsWhatIsTaken(String topology) throws Exception {
    Map<String, String> files = tree(topology).files();
    JsonNode units = json.readTree(files.get("units.json")).get("units");
    for (JsonNode unit : units) {
      String dir = unit.get("dir").asText();
      String hcl = files.get(dir + "/terragrunt.hcl");
      assertBalanced(hcl, dir);
      Map<String, String> dependencies = new HashMap<>();
      Matcher d = DEPENDENCY.matcher(hcl);
      while (d.find()) {
        String target = Path.of(dir).resolve(d.group(2)).normalize().toString();
        assertTrue(files.containsKey(target + "/terragrunt.hcl"), dir + ": config_path " + d.group(2) + " is a unit");
        dependencies.put(d.group(1), target);
      }
      Set<String> dependsOn = new TreeSet<>();
      unit.get("depends_on").forEach(x -> dependsOn.add(x.asText()));
      assertEquals(dependsOn, new TreeSet<>(dependencies.values()), dir + ": the dependency blocks are units.json's depends_on");
      Set<String> inputs = new HashSet<>();
      Matcher i = INPUT.matcher(hcl);
      while (i.find()) {
        String from = dependencies.get(i.group(2));
        assertNotNull(from, dir + ": input " + i.group(1) + " names a declared dependency");
        assertTrue(names(OUTPUT, files.get(from + "/outputs.tf")).contains(i.group(3)), from + " outputs " + i.group(3));
        assertTrue(hcl.contains("    " + i.group(3) + " "), dir + ": a mock output for " + i.group(3));
        inputs.add(i.group(1));
      }
      assertEquals(names(VARIABLE, files.getOrDefault(dir + "/inputs.tf", "")), inputs, dir + ": every variable of inputs.tf, and only those, is set by terragrunt.hcl");
    }
  }

  private static Set<String> names(Pattern p, String text) {
    Set<String> out = new TreeSet<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Braces and brackets nest and close, strings close: the HCL parses as far as its structure goes. */
  private static void assertBalanced(String hcl, String dir) {
    List<Character> stack = new ArrayList<>();
    boolean inString = false;
    for (String line : hcl.lines().toList()) {
      if (line.strip().startsWith("#")) {
        continue;
      }
      for (int k = 0; k < line.length(); k++) {
        char c = line.charAt(k);
        if (inString) {
          if (c == '\\') {
            k++;
          } else if (c == '"') {
            inString = false;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          stack.add(c);
        } else if (c == '}' || c == ']') {
          assertTrue(!stack.isEmpty() && stack.remove(stack.size() - 1) == (c == '}' ? '{' : '['), dir + "/terragrunt.hcl: unbalanced " + c);
        }
      }
      assertTrue(!inString, dir + "/terragrunt.hcl: a string does not close on its line");
    }
    assertTrue(stack.isEmpty(), dir + "/terragrunt.hcl: unclosed " + stack);
  }
}
