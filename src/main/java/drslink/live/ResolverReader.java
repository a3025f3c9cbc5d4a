package drslink.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import drslink.model.AwsRegions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The Route 53 Resolver rules associated with a VPC: ListResolverRuleAssociations filtered by VPCId, then
 * GetResolverRule for each (JSON 1.1, target prefix Route53Resolver, signing name route53resolver;
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_route53resolver_ListResolverRuleAssociations.html,
 * API_route53resolver_GetResolverRule.html). The SDK's route53resolver module is not in the build, so the
 * calls are signed by hand ({@link SignedPost}).
 */
final class ResolverReader {
  private final AwsAccess aws;
  private final ObjectMapper json;

  ResolverReader(AwsAccess aws, ObjectMapper json) {
    this.aws = aws;
    this.json = json;
  }

  List<Cloud.ResolverRule> rules(Cloud.Place place, String vpcId) {
    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      ObjectNode body = json.createObjectNode();
      body.putArray("Filters").addObject().put("Name", "VPCId").putArray("Values").add(vpcId);
      body.put("MaxResults", 100);
      if (token != null) {
        body.put("NextToken", token);
      }
      JsonNode page = call(place, "ListResolverRuleAssociations", body);
      page.path("ResolverRuleAssociations").forEach(a -> {
        if (vpcId.equals(a.path("VPCId").asText()) && !"DELETING".equals(a.path("Status").asText())) {
          ids.add(a.path("ResolverRuleId").asText());
        }
      });
      token = page.path("NextToken").asText(null);
    } while (token != null && !token.isEmpty());
    List<Cloud.ResolverRule> out = new ArrayList<>();
    for (String id : ids) {
      ObjectNode body = json.createObjectNode().put("ResolverRuleId", id);
      JsonNode rule = call(place, "GetResolverRule", body).path("ResolverRule");
      out.add(new Cloud.ResolverRule(id, rule.path("DomainName").asText(""), rule.path("RuleType").asText("")));
    }
    return out;
  }

  /**
   * The inbound endpoints hosted in the VPC (ListResolverEndpoints filtered by HostVPCId and Direction, the filter
   * names API_Filter.html lists for endpoints), each with its addresses (ListResolverEndpointIpAddresses), both
   * followed through NextToken.
   */
  List<Cloud.ResolverEndpoint> inboundEndpoints(Cloud.Place place, String vpcId) {
    List<Cloud.ResolverEndpoint> out = new ArrayList<>();
    String token = null;
    do {
      ObjectNode body = json.createObjectNode();
      var filters = body.putArray("Filters");
      filters.addObject().put("Name", "HostVPCId").putArray("Values").add(vpcId);
      filters.addObject().put("Name", "Direction").putArray("Values").add("INBOUND");
      body.put("MaxResults", 100);
      if (token != null) {
        body.put("NextToken", token);
      }
      JsonNode page = call(place, "ListResolverEndpoints", body);
      for (JsonNode e : page.path("ResolverEndpoints")) {
        if (!vpcId.equals(e.path("HostVPCId").asText()) || !"INBOUND".equals(e.path("Direction").asText())) {
          continue;
        }
        List<String> groups = new ArrayList<>();
        e.path("SecurityGroupIds").forEach(g -> groups.add(g.asText()));
        out.add(new Cloud.ResolverEndpoint(e.path("Id").asText(), e.path("Name").asText(""), e.path("Status").asText(""), groups, addresses(place, e.path("Id").asText())));
      }
      token = page.path("NextToken").asText(null);
    } while (token != null && !token.isEmpty());
    return out;
  }

  private List<Cloud.ResolverIp> addresses(Cloud.Place place, String endpointId) {
    List<Cloud.ResolverIp> out = new ArrayList<>();
    String token = null;
    do {
      ObjectNode body = json.createObjectNode().put("ResolverEndpointId", endpointId).put("MaxResults", 100);
      if (token != null) {
        body.put("NextToken", token);
      }
      JsonNode page = call(place, "ListResolverEndpointIpAddresses", body);
      page.path("IpAddresses").forEach(a -> out.add(new Cloud.ResolverIp(a.path("SubnetId").asText(), a.path("Ip").asText(""), a.path("Status").asText(""))));
      token = page.path("NextToken").asText(null);
    } while (token != null && !token.isEmpty());
    return out;
  }

  private JsonNode call(Cloud.Place place, String operation, ObjectNode body) {
    Map<String, String> headers = Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target", "Route53Resolver." + operation);
    SignedPost.Answer answer = SignedPost.call(aws, place, "route53resolver", operation, URI.create(base(place.region()) + "/"), headers, body.toString());
    if (answer.status() != 200) {
      throw SignedPost.error(answer, "route53resolver");
    }
    try {
      return json.readTree(answer.body());
    } catch (IOException e) {
      throw SdkClientException.create("Route 53 Resolver " + operation + " in " + place.region() + " answered what is not JSON", e);
    }
  }

  /** The Resolver endpoint of a region (https://docs.aws.amazon.com/general/latest/gr/r53.html), or the override. */
  private String base(String region) {
    if (aws.endpoint() != null) {
      return aws.endpoint().toString().replaceAll("/+$", "");
    }
    // The hostname in the region's partition (model/Partition): live checks run on validated files, whose regions all have DRS.
    return "https://" + AwsRegions.partition(region).serviceHostname(region, "route53resolver");
  }
}
