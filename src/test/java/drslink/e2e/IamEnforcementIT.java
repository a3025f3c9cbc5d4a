package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.ProviderOverride;
import harness.terraform.CommandResult;
import harness.terraform.Plan;
import harness.terraform.Processes;
import harness.terraform.Terraform;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Apply succeeds on moto with IAM enforced, under only the generated policies (issue 23 item 2; docs/iam.md). On
 * examples/tokyo-osaka: a pipeline user that may only assume a role, the role created with the generated trust policy
 * (its placeholder replaced by that user) and the generated apply policy; moto's authorization switched on
 * (POST /moto-api/reset-auth 0, the runtime form of INITIAL_NO_AUTH_ACTION_COUNT); apply with the role's keys. A
 * negative control first: the same policy without ec2:CreateVpcEndpoint fails with the refusal of that call, so the
 * enforcement is real. Then verify runs under the generated read-only policy.
 *
 * <p>moto evaluates Action lists, not Resource ARNs or request conditions: it checks every non-S3 call against
 * Resource "*", and treats a Condition whose key it does not get from the request (aws:RequestedRegion,
 * iam:AWSServiceName) as a refusal. So the documents go to moto with every Resource set to "*" and Conditions
 * dropped; what this proves is the action lists. moto does not check the actions one service asks for on the
 * caller's behalf either (Route 53's ec2:DescribeVpcs), and the DRS stand-in does not enforce IAM at all.
 */
class IamEnforcementIT {
  private static final String CASE = "tokyo-osaka";
  private static final String PIPELINE_USER = "drslink-pipeline";
  private static final String APPLY_ROLE = "drslink-apply";
  private static final String READ_ROLE = "drslink-readonly";

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  @Test
  void applyAndVerifySucceedUnderOnlyTheGeneratedPolicies() throws Exception {
    Path project = Workspace.projectDir();
    DrslinkCli cli = DrslinkCli.fromBuild(project);
    Timings t = new Timings("iam-enforcement");
    try (ToolRuntime runtime = ToolRuntime.fromSystemProperty();
        MotoFixture moto = new MotoFixture(runtime.startMoto(), yaml);
        Workspace ws = Workspace.create("iam-enforcement")) {
      String endpoint = moto.server().endpoint();
      SeededTopology seeded = moto.seed(Files.readString(project.resolve("examples/" + CASE + "/topology.yaml"), StandardCharsets.UTF_8));
      Path topology = ws.resolve("topology.yaml");
      Files.writeString(topology, seeded.yaml(), StandardCharsets.UTF_8);
      moto.initializeDrs(seeded);
      // verify's VER014 wants the staging subnet's way out to the EC2 API, as a real account has.
      moto.natForStaging(seeded);
      Path root = ws.resolve("root");
      cli.generate(topology, root);
      JsonNode apply = json.readTree(Files.readString(root.resolve("iam/default-apply.json")));
      JsonNode trust = json.readTree(Files.readString(root.resolve("iam/default-trust.json")));
      JsonNode readOnly = json.readTree(Files.readString(root.resolve("iam/default-readonly.json")));
      Terraform tf = runtime.terraformOn(root, endpoint, json);
      t.time("init", tf::init);
      ProviderOverride.write(root);

      // Identities, made before enforcement with moto's root key.
      Iam iam = new Iam(endpoint);
      String account = moto.accountOf(AwsCreds.TEST);
      String userArn = element(iam.call(AwsCreds.TEST, "CreateUser", Map.of("UserName", PIPELINE_USER)), "Arn");
      String key = iam.call(AwsCreds.TEST, "CreateAccessKey", Map.of("UserName", PIPELINE_USER));
      AwsCreds pipeline = new AwsCreds(element(key, "AccessKeyId"), element(key, "SecretAccessKey"), null);
      String applyRole = "arn:aws:iam::" + account + ":role/" + APPLY_ROLE;
      String readRole = "arn:aws:iam::" + account + ":role/" + READ_ROLE;
      iam.call(AwsCreds.TEST, "PutUserPolicy", Map.of("UserName", PIPELINE_USER, "PolicyName", "assume", "PolicyDocument",
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":[\"" + applyRole + "\",\"" + readRole + "\"]}]}"));
      String trustText = json.writeValueAsString(trust).replace("arn:aws:iam::<PIPELINE_ACCOUNT_ID>:role/<PIPELINE_ROLE_NAME>", userArn);
      assertFalse(trustText.contains("<"), trustText);
      for (String role : List.of(APPLY_ROLE, READ_ROLE)) {
        iam.call(AwsCreds.TEST, "CreateRole", Map.of("RoleName", role, "AssumeRolePolicyDocument", trustText));
      }
      JsonNode withoutEndpoint = withoutAction(forMoto(apply), "ec2:CreateVpcEndpoint");
      iam.call(AwsCreds.TEST, "PutRolePolicy", Map.of("RoleName", APPLY_ROLE, "PolicyName", "apply", "PolicyDocument", json.writeValueAsString(withoutEndpoint)));
      iam.call(AwsCreds.TEST, "PutRolePolicy", Map.of("RoleName", READ_ROLE, "PolicyName", "readonly", "PolicyDocument", json.writeValueAsString(forMoto(readOnly))));

      MotoSts sts = new MotoSts(endpoint);
      try {
        resetAuth(endpoint, "0");
        // The trust policy admits the pipeline; moto checks it on AssumeRole.
        AwsCreds applyCreds = sts.assumeRole(pipeline, applyRole, "drslink-apply");
        useKeys(root, applyCreds);

        // Negative control: one action short, apply is refused exactly there.
        CommandResult refused = t.time("apply-refused", () -> tf.raw(List.of("apply", "-auto-approve", "-input=false", "-no-color")));
        assertFalse(refused.succeeded(), "apply without ec2:CreateVpcEndpoint must fail:\n" + refused.stdout());
        String out = refused.stdout() + refused.stderr();
        assertTrue(out.contains("CreateVpcEndpoint") && (out.contains("UnauthorizedOperation") || out.contains("AccessDenied")), out);

        // The generated policy, whole: apply completes.
        resetAuth(endpoint, "inf");
        iam.call(AwsCreds.TEST, "PutRolePolicy", Map.of("RoleName", APPLY_ROLE, "PolicyName", "apply", "PolicyDocument", json.writeValueAsString(forMoto(apply))));
        resetAuth(endpoint, "0");
        t.time("apply", () -> tf.apply(Set.of()));
        Plan again = t.time("plan-again", () -> tf.plan());
        assertFalse(again.hasChanges(), () -> "a second plan under the policy shows changes: " + again.pendingChanges());

        // verify reads with the read-only role and nothing more.
        AwsCreds readCreds = sts.assumeRole(pipeline, readRole, "drslink-readonly");
        CommandResult verify = t.time("verify", () -> verify(ws, endpoint, readCreds));
        assertEquals(0, verify.exitCode(), () -> "verify under the read-only policy:\nstdout:\n" + verify.stdout() + "\nstderr:\n" + verify.stderr());
      } finally {
        resetAuth(endpoint, "inf");
      }
    } finally {
      System.err.println(t);
    }
  }

  /** The document as moto can evaluate it: every Resource "*", no Condition (see the class comment). */
  private JsonNode forMoto(JsonNode policy) {
    ObjectNode doc = policy.deepCopy();
    for (JsonNode s : doc.get("Statement")) {
      ((ObjectNode) s).remove("Condition");
      ((ObjectNode) s).put("Resource", "*");
    }
    return doc;
  }

  private static JsonNode withoutAction(JsonNode policy, String action) {
    ObjectNode doc = policy.deepCopy();
    boolean found = false;
    for (JsonNode s : doc.get("Statement")) {
      List<JsonNode> actions = new ArrayList<>();
      s.get("Action").forEach(actions::add);
      ArrayNode kept = ((ObjectNode) s).putArray("Action");
      for (JsonNode a : actions) {
        if (a.asText().equals(action)) {
          found = true;
        } else {
          kept.add(a);
        }
      }
    }
    assertTrue(found, action + " not in the policy");
    return doc;
  }

  /** Rewrites the test override's static keys to the assumed role's. */
  private static void useKeys(Path root, AwsCreds creds) throws Exception {
    Path file = root.resolve(ProviderOverride.FILE_NAME);
    String text = Files.readString(file);
    String replaced =
        text.replaceAll("(?m)^(\\s*access_key\\s*=\\s*)\"test\"", "$1\"" + creds.accessKeyId() + "\"")
            .replaceAll("(?m)^(\\s*secret_key\\s*=\\s*)\"test\"", "$1\"" + creds.secretAccessKey() + "\"\n  token = \"" + creds.sessionToken() + "\"");
    assertFalse(replaced.equals(text), "no static keys in " + file);
    Files.writeString(file, replaced);
  }

  /** moto's runtime switch for INITIAL_NO_AUTH_ACTION_COUNT: "0" enforces from the next request, "inf" never. */
  static void resetAuth(String endpoint, String count) throws Exception {
    HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> res =
        http.send(HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/reset-auth")).POST(HttpRequest.BodyPublishers.ofString(count)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, res.statusCode(), res.body());
  }

  private static CommandResult verify(Workspace ws, String endpoint, AwsCreds creds) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        new ArrayList<>(List.of(java.toString(), "-jar", Workspace.projectDir().resolve("target/drslink.jar").toString(), "verify", "--endpoint-url=" + endpoint, "topology.yaml"));
    ProcessBuilder pb = new ProcessBuilder(command).directory(ws.dir().toFile());
    var env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ACCESS_KEY_ID", creds.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", creds.secretAccessKey());
    env.put("AWS_SESSION_TOKEN", creds.sessionToken());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_CONFIG_FILE", ws.resolve("no-aws-config").toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", ws.resolve("no-aws-credentials").toString());
    env.put("NO_COLOR", "1");
    return Processes.run(pb, command, Duration.ofMinutes(2));
  }

  /** The text of the first {@code <name>} element of an XML answer. */
  static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    assertTrue(m.find(), () -> "no " + name + " in " + xml);
    return m.group(1);
  }

  /** IAM's query API on moto, signed like the other emulator calls (no IAM SDK module on the test classpath). */
  static final class Iam {
    private final SignedHttp http;

    Iam(String endpoint) {
      this.http = new SignedHttp(endpoint);
    }

    /** Makes the call and returns moto's XML answer. */
    String call(AwsCreds as, String action, Map<String, String> params) {
      StringBuilder body = new StringBuilder("Version=2010-05-08&Action=" + action);
      new java.util.TreeMap<>(params).forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      SignedHttp.Reply res = http.send(as, "iam", "us-east-1", "POST", "/", "application/x-www-form-urlencoded; charset=utf-8", body.toString());
      assertEquals(200, res.status(), () -> "moto IAM " + action + ": " + res.body());
      return res.body();
    }
  }
}
