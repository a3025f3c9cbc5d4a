package drslink.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.model.AwsRegions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reads a region's DRS replication configuration templates and source servers. The SDK's drs module is
 * not available to this build, so these REST-JSON calls are made by hand ({@link SignedPost}): {@code POST
 * /DescribeReplicationConfigurationTemplates} with an empty filter, SigV4-signed for service {@code drs}
 * (https://docs.aws.amazon.com/drs/latest/APIReference/API_DescribeReplicationConfigurationTemplates.html).
 * Before InitializeService, AWS answers it with UninitializedAccountException (HTTP 400, in the
 * X-Amzn-ErrorType header), which is what "not initialized" means here.
 */
final class DrsReader {
  private final AwsAccess aws;
  private final ObjectMapper json;

  DrsReader(AwsAccess aws, ObjectMapper json) {
    this.aws = aws;
    this.json = json;
  }

  /**
   * DescribeReplicationConfigurationTemplates, following nextToken (the API pages its answer:
   * https://docs.aws.amazon.com/drs/latest/APIReference/API_DescribeReplicationConfigurationTemplates.html).
   */
  Cloud.DrsState read(Cloud.Place place) {
    List<Cloud.DrsTemplate> templates = new ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    String token = null;
    do {
      var body = json.createObjectNode();
      if (token != null) {
        body.put("nextToken", token);
      }
      Optional<JsonNode> answer = call(place, "DescribeReplicationConfigurationTemplates", body.toString());
      if (answer.isEmpty()) {
        return new Cloud.DrsState(false, List.of());
      }
      for (JsonNode t : answer.get().path("items")) {
        List<String> groups = new ArrayList<>();
        t.path("replicationServersSecurityGroupsIDs").forEach(g -> groups.add(g.asText()));
        templates.add(
            new Cloud.DrsTemplate(
                t.path("replicationConfigurationTemplateID").asText(),
                t.path("stagingAreaSubnetId").asText(null),
                groups,
                t.path("dataPlaneRouting").asText(null),
                t.path("createPublicIP").asBoolean(false),
                tags(t.path("tags"))));
      }
      token = answer.get().path("nextToken").asText("");
    } while (!token.isEmpty() && tokens.add(token));
    return new Cloud.DrsState(true, templates);
  }

  /**
   * The place's source servers that are not disconnected, with the replication settings each uses now:
   * DescribeSourceServers (no filter, following nextToken;
   * https://docs.aws.amazon.com/drs/latest/APIReference/API_DescribeSourceServers.html), then
   * GetReplicationConfiguration per server
   * (https://docs.aws.amazon.com/drs/latest/APIReference/API_GetReplicationConfiguration.html). Both list
   * UninitializedAccountException: no servers before InitializeService.
   */
  List<Cloud.SourceServer> sourceServers(Cloud.Place place) {
    List<Cloud.SourceServer> out = new ArrayList<>();
    java.util.Set<String> tokens = new java.util.HashSet<>();
    String token = null;
    do {
      var body = json.createObjectNode();
      body.putObject("filters");
      if (token != null) {
        body.put("nextToken", token);
      }
      Optional<JsonNode> page = call(place, "DescribeSourceServers", body.toString());
      if (page.isEmpty()) {
        return List.of();
      }
      for (JsonNode server : page.get().path("items")) {
        // A disconnected server replicates nothing until its agent is installed again, which re-adds it.
        if ("DISCONNECTED".equals(server.path("dataReplicationInfo").path("dataReplicationState").asText())) {
          continue;
        }
        String id = server.path("sourceServerID").asText();
        String hostname = server.path("sourceProperties").path("identificationHints").path("hostname").asText(null);
        List<String> ips = new ArrayList<>();
        server.path("sourceProperties").path("networkInterfaces").forEach(n -> n.path("ips").forEach(ip -> ips.add(ip.asText())));
        // A server deleted since the listing has no configuration (ResourceNotFoundException): it replicates nothing.
        Optional<JsonNode> configuration = call(place, "GetReplicationConfiguration", json.createObjectNode().put("sourceServerID", id).toString(), "ResourceNotFoundException");
        if (configuration.isEmpty()) {
          continue;
        }
        JsonNode settings = configuration.get();
        List<String> groups = new ArrayList<>();
        settings.path("replicationServersSecurityGroupsIDs").forEach(g -> groups.add(g.asText()));
        out.add(
            new Cloud.SourceServer(
                id, hostname, ips, settings.path("stagingAreaSubnetId").asText(null), groups,
                settings.path("dataPlaneRouting").asText(null), settings.path("createPublicIP").asBoolean(false)));
      }
      token = page.get().path("nextToken").asText("");
      // A token seen before would loop forever; AWS never repeats one, a broken proxy might.
    } while (!token.isEmpty() && tokens.add(token));
    return out;
  }

  /**
   * The EC2 launch template DRS made for a source server (GetLaunchConfiguration, ec2LaunchTemplateID;
   * https://docs.aws.amazon.com/drs/latest/APIReference/API_GetLaunchConfiguration.html); empty when it names none.
   */
  Optional<String> launchTemplateId(Cloud.Place place, String sourceServerId) {
    return call(place, "GetLaunchConfiguration", json.createObjectNode().put("sourceServerID", sourceServerId).toString())
        .map(c -> c.path("ec2LaunchTemplateID").asText(""))
        .filter(id -> !id.isEmpty());
  }

  /** A signed REST-JSON call; empty when DRS is not initialized in the place, the parsed answer otherwise. */
  private Optional<JsonNode> call(Cloud.Place place, String operation, String body) {
    return call(place, operation, body, "UninitializedAccountException");
  }

  /** As {@link #call(Cloud.Place, String, String)}, also empty when DRS answers the error {@code absent}. */
  private Optional<JsonNode> call(Cloud.Place place, String operation, String body, String absent) {
    URI uri = URI.create(base(place.region()) + "/" + operation);
    SignedPost.Answer answer = SignedPost.call(aws, place, "drs", operation, uri, java.util.Map.of("Content-Type", "application/json"), body);
    if (answer.errorCode().startsWith("UninitializedAccountException") || answer.errorCode().startsWith(absent)) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw SignedPost.error(answer, "drs");
    }
    try {
      return Optional.of(json.readTree(answer.body()));
    } catch (IOException e) {
      throw SdkClientException.create("DRS " + operation + " in " + place.region() + " answered what is not JSON", e);
    }
  }

  private static java.util.Map<String, String> tags(JsonNode tags) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    tags.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The DRS endpoint of a region (https://docs.aws.amazon.com/general/latest/gr/drs.html), or the override. */
  private String base(String region) {
    if (aws.endpoint() != null) {
      return aws.endpoint().toString().replaceAll("/+$", "");
    }
    // The hostname in the region's partition (model/Partition): live checks run on validated files, whose regions all have DRS.
    return "https://" + AwsRegions.partition(region).serviceHostname(region, "drs");
  }
}
