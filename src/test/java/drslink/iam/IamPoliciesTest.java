package drslink.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.testing.CliRun;
import drslink.testing.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated policies of the bundled topologies: per account, derived from what that account's providers do. */
class IamPoliciesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode plan(String topology) throws Exception {
    CliRun run = CliRun.of("plan", "-q", "--format", "json", topology);
    assertEquals(0, run.exitCode(), run.err());
    return JSON.readTree(run.out());
  }

  private static Map<String, JsonNode> byAccount(JsonNode plan) {
    Map<String, JsonNode> out = new TreeMap<>();
    plan.get("iam").forEach(a -> out.put(a.get("account").asText(), a));
    return out;
  }

  /** Every action a policy document allows. */
  private static Set<String> actions(JsonNode doc) {
    Set<String> out = new TreeSet<>();
    doc.get("Statement").forEach(s -> {
      JsonNode a = s.get("Action");
      if (a.isArray()) {
        a.forEach(x -> out.add(x.asText()));
      } else {
        out.add(a.asText());
      }
    });
    return out;
  }

  private static JsonNode statement(JsonNode doc, String sid) {
    for (JsonNode s : doc.get("Statement")) {
      if (s.get("Sid").asText().equals(sid)) {
        return s;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + doc);
  }

  /** What the table says one account needs, from the plan's resource list alone (the module data sources aside). */
  private static Set<String> fromResources(JsonNode plan, String account) {
    Set<String> out = new TreeSet<>(ProviderActions.PROVIDER_CONFIGURATION.actions());
    plan.get("resources").forEach(r -> {
      String owner = r.get("account").isNull() ? IamPolicies.IMPLICIT_ACCOUNT : r.get("account").asText();
      if (owner.equals(account)) {
        out.addAll(ProviderActions.of((r.get("mode").asText().equals("data") ? "data." : "") + r.get("type").asText()).actions());
      }
    });
    return out;
  }

  @Test
  void singleAccountGetsExactlyTheActionsOfItsResources() throws Exception {
    JsonNode plan = plan("examples/tokyo-osaka/topology.yaml");
    Map<String, JsonNode> accounts = byAccount(plan);
    assertEquals(Set.of("default"), accounts.keySet());
    JsonNode apply = accounts.get("default").get("apply");
    Set<String> expected = fromResources(plan, "default");
    expected.add("iam:CreateServiceLinkedRole");
    assertEquals(expected, actions(apply));
    assertTrue(actions(apply).contains("ec2:CreateVpcPeeringConnection"));
    assertFalse(actions(apply).stream().anyMatch(a -> a.contains("TransitGateway")), "no transit gateway in this topology");
    assertFalse(actions(apply).contains("route53resolver:CreateResolverEndpoint"), "no on-premises network, no Resolver endpoint");
    JsonNode ec2 = statement(apply, "ApplyEc2InTopologyRegions");
    assertEquals("[\"ap-northeast-1\",\"ap-northeast-3\"]", ec2.at("/Condition/StringEquals/aws:RequestedRegion").toString());
    assertEquals("*", statement(apply, "ApplyRoute53").get("Resource").asText());
    assertEquals("arn:aws:route53:::change/*", statement(apply, "ApplyRoute53Changes").get("Resource").asText());
    assertEquals("arn:aws:iam::*:role/aws-service-role/drs.amazonaws.com/AWSServiceRoleForElasticDisasterRecovery", statement(apply, "DrsServiceLinkedRole").get("Resource").asText());
    assertEquals(new TreeSet<>(LiveReadActions.ACTIONS), actions(accounts.get("default").get("readonly")));
    assertEquals("arn:aws:iam::<PIPELINE_ACCOUNT_ID>:role/<PIPELINE_ROLE_NAME>", accounts.get("default").at("/trust/Statement/0/Principal/AWS").asText());
  }

  @Test
  void crossAccountSplitsZoneAuthorizationAndAssociation() throws Exception {
    Map<String, JsonNode> accounts = byAccount(plan("examples/cross-account/topology.yaml"));
    assertEquals(Set.of("dr", "prod"), accounts.keySet());
    Set<String> dr = actions(accounts.get("dr").get("apply"));
    Set<String> prod = actions(accounts.get("prod").get("apply"));
    // the zones live with the endpoints in dr; prod's VPCs join them
    assertTrue(dr.contains("route53:CreateVPCAssociationAuthorization") && dr.contains("route53:CreateHostedZone"), dr.toString());
    assertTrue(prod.contains("route53:AssociateVPCWithHostedZone"), prod.toString());
    assertFalse(prod.contains("route53:CreateVPCAssociationAuthorization"), prod.toString());
    assertTrue(statement(accounts.get("dr").get("apply"), "DrsServiceLinkedRole").get("Resource").asText().startsWith("arn:aws:iam::444455556666:"));
  }

  @Test
  void transitGatewayModulesBringTheirDataSources() throws Exception {
    JsonNode plan = plan("examples/transit-gateway/topology.yaml");
    for (JsonNode account : byAccount(plan).values()) {
      Set<String> apply = actions(account.get("apply"));
      assertTrue(apply.contains("ec2:DescribeTransitGatewayVpcAttachments"), apply.toString());
      assertTrue(apply.contains("ec2:CreateTransitGatewayRoute"), apply.toString());
    }
    Set<String> all = new TreeSet<>();
    byAccount(plan).values().forEach(a -> all.addAll(actions(a.get("apply"))));
    assertTrue(all.contains("ec2:DescribeTransitGateways") && all.contains("ec2:CreateTransitGatewayPeeringAttachment"), all.toString());
  }

  @Test
  void govCloudArnsUseItsPartition() throws Exception {
    for (JsonNode account : byAccount(plan("src/test/resources/golden/govcloud/topology.yaml")).values()) {
      assertTrue(account.at("/trust/Statement/0/Principal/AWS").asText().startsWith("arn:aws-us-gov:iam::"), account.toString());
      assertEquals("arn:aws-us-gov:route53:::change/*", statement(account.get("apply"), "ApplyRoute53Changes").get("Resource").asText());
    }
  }

  @Test
  void generatedFilesAreThePlansDocuments(@TempDir Path tmp) throws Exception {
    String topology = "examples/cross-account/topology.yaml";
    CliRun run = CliRun.of("generate", "--quiet", topology, "--out", tmp.resolve("out").toString());
    assertEquals(0, run.exitCode(), run.err());
    Map<String, String> tree = Trees.read(tmp.resolve("out"));
    List<String> checked = new ArrayList<>();
    for (JsonNode account : byAccount(plan(topology)).values()) {
      for (String role : List.of("apply", "trust", "readonly")) {
        String file = account.at("/files/" + role).asText();
        assertTrue(tree.containsKey(file), file + " in " + tree.keySet());
        assertEquals(account.get(role), JSON.readTree(tree.get(file)), file);
        assertTrue(tree.get(file).endsWith("}\n") && !tree.get(file).contains("\r"), file);
        checked.add(file);
      }
    }
    assertEquals(6, checked.size(), checked.toString());
  }

  @Test
  void iamFolderIsDrslinksOwn(@TempDir Path tmp) throws Exception {
    String topology = "examples/tokyo-osaka/topology.yaml";
    Path out = tmp.resolve("out");
    assertEquals(0, CliRun.of("generate", "--quiet", topology, "--out", out.toString()).exitCode());
    Path stale = out.resolve("iam/gone-apply.json");
    java.nio.file.Files.writeString(stale, "{}\n");
    CliRun check = CliRun.of("check", "--quiet", topology, "--out", out.toString());
    assertEquals(3, check.exitCode(), "a policy file drslink did not write is a difference: " + check.out() + check.err());
    CliRun again = CliRun.of("generate", "--quiet", topology, "--out", out.toString());
    assertEquals(0, again.exitCode(), again.err());
    assertFalse(java.nio.file.Files.exists(stale), "regenerating replaces iam/ whole");
    assertTrue(java.nio.file.Files.isRegularFile(out.resolve("iam/default-apply.json")));
  }
}
