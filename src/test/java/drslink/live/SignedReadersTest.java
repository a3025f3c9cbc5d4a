package drslink.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-signed reads (Route 53 Resolver, DRS) against recorded answers served on 127.0.0.1: what they
 * send, how they read the answer, and how a refusal becomes one classified line.
 */
class SignedReadersTest {
  private HttpServer server;
  private final List<String> requests = new ArrayList<>();
  /** X-Amz-Target or path (or either, a space and the exact request body) -> status, body and error type. */
  private final Map<String, Object[]> answers = new java.util.HashMap<>();

  @BeforeEach
  void start() throws IOException {
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String key = target != null ? target : exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(key + " " + body + " " + exchange.getRequestHeaders().getFirst("Authorization").replaceAll(".*Credential=[^/]+/\\d+/([^/]+/[^/]+)/.*", "$1"));
      // An answer for this exact body (a page of a paged read) wins over the one for the path.
      Object[] answer = answers.getOrDefault(key + " " + body, answers.getOrDefault(key, new Object[] {404, "{}", null}));
      if (answer[2] != null) {
        exchange.getResponseHeaders().add("X-Amzn-ErrorType", (String) answer[2]);
      }
      byte[] out = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders((Integer) answer[0], out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  private AwsAccess aws() {
    return new AwsAccess(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Map.of(), new ReadOnlyGuard());
  }

  @Test
  void resolverRulesOfAVpcAreItsAssociationsRules() {
    answers.put("Route53Resolver.ListResolverRuleAssociations", new Object[] {200,
        "{\"ResolverRuleAssociations\":[{\"ResolverRuleId\":\"rslvr-rr-1\",\"VPCId\":\"vpc-1\",\"Status\":\"COMPLETE\"},{\"ResolverRuleId\":\"rslvr-rr-2\",\"VPCId\":\"vpc-2\",\"Status\":\"COMPLETE\"}]}", null});
    answers.put("Route53Resolver.GetResolverRule", new Object[] {200, "{\"ResolverRule\":{\"Id\":\"rslvr-rr-1\",\"DomainName\":\"drs.eu-north-1.amazonaws.com.\",\"RuleType\":\"FORWARD\"}}", null});
    try (AwsAccess aws = aws()) {
      List<Cloud.ResolverRule> rules = new ResolverReader(aws, new ObjectMapper()).rules(new Cloud.Place(null, "eu-north-1"), "vpc-1");
      assertEquals(List.of(new Cloud.ResolverRule("rslvr-rr-1", "drs.eu-north-1.amazonaws.com.", "FORWARD")), rules);
      assertEquals(
          List.of(
              "Route53Resolver.ListResolverRuleAssociations {\"Filters\":[{\"Name\":\"VPCId\",\"Values\":[\"vpc-1\"]}],\"MaxResults\":100} eu-north-1/route53resolver",
              "Route53Resolver.GetResolverRule {\"ResolverRuleId\":\"rslvr-rr-1\"} eu-north-1/route53resolver"),
          requests);
      assertEquals(List.of("route53resolver:ListResolverRuleAssociations", "route53resolver:GetResolverRule"), aws.guard().calls());
    }
  }

  @Test
  void refusedReadIsAPermissionLineNamingTheAction() {
    answers.put("Route53Resolver.ListResolverRuleAssociations", new Object[] {400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}", null});
    answers.put("/DescribeReplicationConfigurationTemplates", new Object[] {403, "{\"message\":\"denied\"}", "AccessDeniedException:http://internal.amazon.com/coral/"});
    try (AwsAccess aws = aws()) {
      var e = assertThrows(software.amazon.awssdk.awscore.exception.AwsServiceException.class, () -> new ResolverReader(aws, new ObjectMapper()).rules(new Cloud.Place(null, "eu-north-1"), "vpc-1"));
      assertEquals("permission: route53resolver:ListResolverRuleAssociations denied (AccessDeniedException)", ReadFailure.cause(e, "route53resolver:ListResolverRuleAssociations"));
      var d = assertThrows(software.amazon.awssdk.awscore.exception.AwsServiceException.class, () -> new DrsReader(aws, new ObjectMapper()).read(new Cloud.Place(null, "eu-north-1")));
      assertEquals("permission: drs:DescribeReplicationConfigurationTemplates denied (AccessDeniedException)", ReadFailure.cause(d, "drs:DescribeReplicationConfigurationTemplates"));
    }
  }

  @Test
  void drsTemplatesCarryTheirTagsAndUninitializedIsNotAnError() {
    answers.put("/DescribeReplicationConfigurationTemplates", new Object[] {200,
        "{\"items\":[{\"replicationConfigurationTemplateID\":\"rct-1\",\"stagingAreaSubnetId\":\"subnet-1\",\"replicationServersSecurityGroupsIDs\":[\"sg-1\"],\"dataPlaneRouting\":\"PRIVATE_IP\",\"createPublicIP\":false,\"tags\":{\"DrslinkTopology\":\"t\"}}]}", null});
    try (AwsAccess aws = aws()) {
      Cloud.DrsState state = new DrsReader(aws, new ObjectMapper()).read(new Cloud.Place(null, "eu-north-1"));
      assertEquals(new Cloud.DrsState(true, List.of(new Cloud.DrsTemplate("rct-1", "subnet-1", List.of("sg-1"), "PRIVATE_IP", false, Map.of("DrslinkTopology", "t")))), state);
      answers.put("/DescribeReplicationConfigurationTemplates", new Object[] {400, "{}", "UninitializedAccountException"});
      assertTrue(!new DrsReader(aws, new ObjectMapper()).read(new Cloud.Place(null, "eu-north-1")).initialized());
    }
  }

  @Test
  void sourceServersArePagedAndReadWithTheirOwnSettings() {
    answers.put("/DescribeSourceServers {\"filters\":{}}", new Object[] {200,
        "{\"items\":[{\"sourceServerID\":\"s-1\",\"sourceProperties\":{\"identificationHints\":{\"hostname\":\"web-1\"}}},"
            + "{\"sourceServerID\":\"s-2\",\"dataReplicationInfo\":{\"dataReplicationState\":\"DISCONNECTED\"}}],\"nextToken\":\"p2\"}", null});
    answers.put("/DescribeSourceServers {\"filters\":{},\"nextToken\":\"p2\"}", new Object[] {200, "{\"items\":[{\"sourceServerID\":\"s-3\"}]}", null});
    answers.put("/GetReplicationConfiguration {\"sourceServerID\":\"s-1\"}", new Object[] {200,
        "{\"sourceServerID\":\"s-1\",\"stagingAreaSubnetId\":\"subnet-1\",\"replicationServersSecurityGroupsIDs\":[\"sg-1\"],\"dataPlaneRouting\":\"PUBLIC_IP\",\"createPublicIP\":true}", null});
    answers.put("/GetReplicationConfiguration {\"sourceServerID\":\"s-3\"}", new Object[] {200,
        "{\"sourceServerID\":\"s-3\",\"stagingAreaSubnetId\":\"subnet-1\",\"replicationServersSecurityGroupsIDs\":[],\"dataPlaneRouting\":\"PRIVATE_IP\",\"createPublicIP\":false}", null});
    try (AwsAccess aws = aws()) {
      List<Cloud.SourceServer> servers = new DrsReader(aws, new ObjectMapper()).sourceServers(new Cloud.Place(null, "eu-north-1"));
      assertEquals(
          List.of(
              new Cloud.SourceServer("s-1", "web-1", List.of(), "subnet-1", List.of("sg-1"), "PUBLIC_IP", true),
              new Cloud.SourceServer("s-3", null, List.of(), "subnet-1", List.of(), "PRIVATE_IP", false)),
          servers, "both pages, the disconnected server left out, each with its own settings");
      assertEquals(
          List.of("drs:DescribeSourceServers", "drs:GetReplicationConfiguration", "drs:DescribeSourceServers", "drs:GetReplicationConfiguration"),
          aws.guard().calls());
      answers.put("/DescribeSourceServers {\"filters\":{}}", new Object[] {400, "{}", "UninitializedAccountException"});
      assertEquals(List.of(), new DrsReader(aws, new ObjectMapper()).sourceServers(new Cloud.Place(null, "eu-north-1")));
    }
  }
}
