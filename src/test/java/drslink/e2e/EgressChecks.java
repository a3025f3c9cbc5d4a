package drslink.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import harness.emulator.ProviderOverride;
import harness.terraform.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks that keep every call of a test run on 127.0.0.1: the generated root hard-codes no
 * endpoint, has provider blocks only at the root, and the test override covers each of them.
 */
public final class EgressChecks {

  /**
   * An http(s) URL to an AWS host, an IP address or localhost: what an endpoint looks like. Other
   * URLs (a tag value naming a wiki page) are data, not endpoints.
   */
  private static final Pattern ENDPOINT_URL =
      Pattern.compile(
          "https?://(?:[a-z0-9.-]*amazonaws\\.com(?:\\.cn)?|[a-z0-9.-]*\\.aws|\\d{1,3}(?:\\.\\d{1,3}){3}"
              + "|\\[[0-9a-f:]+\\]|localhost)(?:[:/\"]|$)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ENDPOINTS_BLOCK = Pattern.compile("\\bendpoints\\s*\\{");
  private static final Pattern ENDPOINT_ARG =
      Pattern.compile("(?m)^\\s*(endpoint|endpoint_url|sts_endpoint|iam_endpoint)\\s*=");

  private EgressChecks() {}

  /** Generated .tf files (root and modules) that carry an endpoint or a URL; empty when clean. */
  public static List<String> generatedRootHasNoEndpoint(Path root) {
    List<String> findings = new ArrayList<>();
    for (Path f : ProviderOverride.tfFiles(root, true)) {
      if (f.getFileName().toString().equals(ProviderOverride.FILE_NAME)) {
        continue;
      }
      String rel = root.relativize(f).toString();
      String code = ProviderOverride.stripComments(ProviderOverride.read(f));
      Matcher url = ENDPOINT_URL.matcher(code);
      while (url.find()) {
        findings.add(rel + ": hard-coded endpoint URL " + url.group());
      }
      if (ENDPOINTS_BLOCK.matcher(code).find()) {
        findings.add(rel + ": has an endpoints block (endpoints belong in the test override only)");
      }
      if (ENDPOINT_ARG.matcher(code).find()) {
        findings.add(rel + ": sets a provider endpoint argument");
      }
      boolean isRoot = f.getParent().equals(root);
      if (!isRoot && !ProviderOverride.providerBlocksIn(f).isEmpty()) {
        findings.add(
            rel + ": a provider block in a child module (the test override cannot reach it)");
      }
    }
    return findings;
  }

  /**
   * Every provider block of the root has exactly one override block, which turns instance metadata
   * off and sets no endpoint of its own (one there would outrank the environment's).
   */
  public static List<String> overrideCoversEveryProvider(Path root) {
    List<String> findings = new ArrayList<>();
    Set<String> generated = aliases(ProviderOverride.providerBlocks(root));
    List<ProviderOverride.ProviderBlock> overrides =
        ProviderOverride.providerBlocksIn(root.resolve(ProviderOverride.FILE_NAME));
    Set<String> overridden = aliases(overrides);
    if (!generated.equals(overridden)) {
      findings.add("provider aliases " + generated + " but override covers " + overridden);
    }
    if (overrides.size() != overridden.size()) {
      findings.add(
          "override has duplicate provider blocks: " + overrides.size() + " for " + overridden);
    }
    for (ProviderOverride.ProviderBlock b : overrides) {
      String body = b.body();
      if (!Pattern.compile("(?m)^\\s*skip_metadata_api_check\\s*=\\s*true\\s*$")
          .matcher(body)
          .find()) {
        findings.add("override of aws." + b.alias() + " lacks skip_metadata_api_check = true");
      }
      if (ENDPOINTS_BLOCK.matcher(body).find() || ENDPOINT_ARG.matcher(body).find()) {
        findings.add("override of aws." + b.alias() + " sets an endpoint (the environment's are outranked)");
      }
    }
    return findings;
  }

  /**
   * The tool's own view: every aws provider configuration in the plan's configuration (after the
   * override is merged) never asks instance metadata and sets no endpoint, and the command's
   * environment sends every service a root calls to moto, with nothing telling the SDK to ignore it.
   */
  public static List<String> providerConfigsPointAtMoto(
      Plan plan, Map<String, String> environment, String motoEndpoint) {
    List<String> findings = new ArrayList<>();
    ProviderOverride.ENDPOINT_VARIABLES.forEach(
        (svc, variable) -> {
          if (!motoEndpoint.equals(environment.get(variable))) {
            findings.add(
                "environment: " + variable + " (" + svc + ") is " + environment.get(variable) + ", not " + motoEndpoint);
          }
        });
    if (environment.containsKey("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")) {
      findings.add("environment: AWS_IGNORE_CONFIGURED_ENDPOINT_URLS would ignore the endpoints");
    }
    int seen = 0;
    for (var e : plan.providerConfigs().properties()) {
      JsonNode cfg = e.getValue();
      if (!cfg.path("full_name").asText().endsWith("hashicorp/aws")) {
        continue;
      }
      JsonNode ex = cfg.path("expressions");
      if (!cfg.path("module_address").asText("").isEmpty()) {
        // A requirement of a child module, not a configuration; a real one would have arguments.
        if (ex.size() > 0) {
          findings.add(
              e.getKey()
                  + ": provider configured inside a module: "
                  + ex.properties().iterator().next().getKey());
        }
        continue;
      }
      if (ex.size() == 0 && cfg.path("alias").asText("").isEmpty()) {
        // The implied default configuration from required_providers: no block declares it. A
        // resource using it would get no keys and fail at the closed proxy (EgressIT).
        continue;
      }
      seen++;
      if (!ex.path("skip_metadata_api_check").path("constant_value").asBoolean(false)) {
        findings.add(e.getKey() + ": skip_metadata_api_check is not true");
      }
      if (ex.has("endpoints")) {
        findings.add(e.getKey() + ": sets endpoints, which outrank the environment's");
      }
    }
    if (seen == 0) {
      findings.add("plan shows no aws provider configuration at all");
    }
    return findings;
  }

  private static Set<String> aliases(List<ProviderOverride.ProviderBlock> blocks) {
    return blocks.stream()
        .map(ProviderOverride.ProviderBlock::alias)
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
