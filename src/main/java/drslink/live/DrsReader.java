package drslink.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.model.AwsRegions;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reads a region's DRS replication configuration templates. The SDK's drs module is not available to
 * this build, so this REST-JSON call is made by hand ({@link SignedPost}): {@code POST
 * /DescribeReplicationConfigurationTemplates} with an empty filter, SigV4-signed for service {@code drs}
 * (https://docs.aws.amazon.com/drs/latest/APIReference/API_DescribeReplicationConfigurationTemplates.html).
 * Before InitializeService, AWS answers it with UninitializedAccountException (HTTP 400, in the
 * X-Amzn-ErrorType header), which is what "not initialized" means here.
 */
final class DrsReader {
  private static final String OPERATION = "DescribeReplicationConfigurationTemplates";

  private final AwsAccess aws;
  private final ObjectMapper json;

  DrsReader(AwsAccess aws, ObjectMapper json) {
    this.aws = aws;
    this.json = json;
  }

  Cloud.DrsState read(Cloud.Place place) {
    URI uri = URI.create(base(place.region()) + "/" + OPERATION);
    SignedPost.Answer answer = SignedPost.call(aws, place, "drs", OPERATION, uri, java.util.Map.of("Content-Type", "application/json"), "{}");
    if (answer.errorCode().startsWith("UninitializedAccountException")) {
      return new Cloud.DrsState(false, List.of());
    }
    if (answer.status() != 200) {
      throw SignedPost.error(answer, "drs");
    }
    try {
      List<Cloud.DrsTemplate> templates = new ArrayList<>();
      for (JsonNode t : json.readTree(answer.body()).path("items")) {
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
      return new Cloud.DrsState(true, templates);
    } catch (IOException e) {
      throw SdkClientException.create("DRS " + OPERATION + " in " + place.region() + " answered what is not JSON", e);
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
