package drslink.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.testing.CliRun;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline estimate (issue 23 item 3), checked by hand against the price table for the bundled examples. */
class CostEstimatorTest {
  private static JsonNode cost(String example) throws Exception {
    CliRun run = CliRun.of("plan", "-q", "--format", "json", "examples/" + example + "/topology.yaml");
    assertEquals(0, run.exitCode(), run.err());
    return new ObjectMapper().readTree(run.out()).get("cost");
  }

  private static List<JsonNode> lines(JsonNode cost, String item) {
    List<JsonNode> out = new java.util.ArrayList<>();
    cost.get("lines").forEach(l -> {
      if (l.get("item").asText().equals(item)) {
        out.add(l);
      }
    });
    return out;
  }

  @Test
  void bundledTableIsDatedAndEveryPriceHasItsPage() {
    PriceTable table = PriceTable.bundled();
    assertTrue(table.lastChecked().matches("\\d{4}-\\d{2}-\\d{2}"), table.lastChecked());
    // domain.md section 10: $0.01 per endpoint per AZ-hour, $0.014 in Tokyo; the rest as listed there.
    assertEquals(new BigDecimal("0.014"), table.price("interface_endpoint_hour", "ap-northeast-1").usd());
    assertEquals(new BigDecimal("0.01"), table.price("interface_endpoint_hour", "ap-northeast-3").usd());
    assertEquals(new BigDecimal("0.50"), table.price("hosted_zone_month", "eu-west-1").usd());
    assertEquals(new BigDecimal("0.125"), table.price("resolver_eni_hour", "eu-west-1").usd());
    assertEquals(new BigDecimal("0.028"), table.price("drs_server_hour", "eu-west-1").usd());
    assertEquals("https://aws.amazon.com/disaster-recovery/pricing/", table.price("drs_server_hour", "eu-west-1").source());
  }

  @Test
  void malformedTablesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("a\t*\t1\tper x\thttps://x\n"), "no last_checked");
    assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("last_checked\t2026-12-06\na\t*\t1\tper x\n"), "no source");
    assertThrows(IllegalArgumentException.class, () -> PriceTable.parse("last_checked\t2026-12-06\na\t*\t1\tper x\thttps://x\na\t*\t2\tper x\thttps://x\n"), "twice");
  }

  @Test
  void tokyoOsakaIsTwoZonesAndFourEndpointAzs() throws Exception {
    JsonNode cost = cost("tokyo-osaka");
    assertEquals("2026-12-06", cost.get("prices_checked").asText());
    // 2 zones × $0.50 + 2 endpoints × 2 subnets × $0.01 × 730 h = 1.00 + 29.20
    assertEquals(0, new BigDecimal("30.20").compareTo(cost.get("fixed_monthly").decimalValue()), cost.get("fixed_monthly").toString());
    JsonNode endpoints = lines(cost, "interface_endpoint_hour").get(0);
    assertEquals("ap-northeast-3", endpoints.get("region").asText());
    assertEquals(4, endpoints.get("quantity").asInt());
    assertEquals("https://aws.amazon.com/privatelink/pricing/", endpoints.get("source").asText());
    // Usage lines have a rate and no amount: inter-region from Tokyo, DRS per server in Osaka.
    JsonNode transfer = lines(cost, "inter_region_gb").get(0);
    assertEquals("ap-northeast-1", transfer.get("region").asText());
    assertTrue(transfer.get("monthly").isNull() && transfer.get("quantity").isNull());
    assertEquals("ap-northeast-3", lines(cost, "drs_server_hour").get(0).get("region").asText());
  }

  @Test
  void transitGatewayPeeringIsBilledOnBothSidesAndItsDataPerGb() throws Exception {
    JsonNode cost = cost("transit-gateway");
    List<JsonNode> attachments = lines(cost, "tgw_attachment_hour");
    assertEquals(List.of("ap-southeast-1", "ap-southeast-2"), attachments.stream().map(l -> l.get("region").asText()).toList());
    attachments.forEach(a -> assertEquals(0, new BigDecimal("36.50").compareTo(a.get("monthly").decimalValue()), a.toString()));
    assertEquals(1, lines(cost, "tgw_gb").size());
  }

  @Test
  void stagingPrivateAddsItsEc2InterfaceEndpointButNotTheFreeGatewayEndpoint() throws Exception {
    // cross-account: eu-north-1 has DRS + S3 + EC2 interface endpoints (staging_private) in the vault VPC's subnets;
    // the S3 gateway endpoint is free.
    JsonNode endpoints = lines(cost("cross-account"), "interface_endpoint_hour").stream().filter(l -> l.get("region").asText().equals("eu-north-1")).findFirst().orElseThrow();
    assertTrue(endpoints.get("what").asText().startsWith("interface endpoints: 3 endpoints in "), endpoints.toString());
  }

  @Test
  void textAndMarkdownShowTheSameTotal() {
    String text = CliRun.of("plan", "-q", "examples/tokyo-osaka/topology.yaml").out();
    assertTrue(text.contains("Estimate: $30.20 a month"), text);
    assertTrue(text.contains("prices checked 2026-12-06"), text);
    String markdown = CliRun.of("plan", "-q", "--format", "markdown", "examples/tokyo-osaka/topology.yaml").out();
    assertTrue(markdown.contains("**$30.20 a month**"), markdown);
    assertTrue(markdown.contains("](https://aws.amazon.com/route53/pricing/)"), markdown);
  }

  @Test
  void hybridResolverEndpointIsPricedPerEni() throws Exception {
    // No bundled example uses dns: resolver_inbound; the golden hybrid-datacenters does (one ENI per endpoint subnet).
    CliRun run = CliRun.of("plan", "-q", "--format", "json", "src/test/resources/golden/hybrid-datacenters/topology.yaml");
    JsonNode cost = new ObjectMapper().readTree(run.out()).get("cost");
    List<JsonNode> resolver = lines(cost, "resolver_eni_hour");
    assertEquals(1, resolver.size(), cost.toString());
    JsonNode line = resolver.get(0);
    assertTrue(line.get("quantity").asInt() >= 2, line.toString());
    assertEquals(new BigDecimal(line.get("quantity").asInt()).multiply(new BigDecimal("0.125")).multiply(new BigDecimal("730")).setScale(2), new BigDecimal(line.get("monthly").asText()).setScale(2));
  }
}
