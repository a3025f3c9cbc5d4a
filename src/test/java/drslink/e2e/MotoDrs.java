package drslink.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * DRS calls to the stand-in that serves DRS on moto's port (src/harness/emulator/src/main/resources/harness/emulator/moto/
 * drs_standin.py), as REST-JSON requests signed for {@code drs}. The stand-in acts in the account
 * moto maps the access key to, in the region of the signature.
 */
public final class MotoDrs {

  private final SignedHttp http;
  private final ObjectMapper json = new ObjectMapper();

  MotoDrs(String endpoint) {
    this.http = new SignedHttp(endpoint);
  }

  /**
   * {@code POST /<operation>} with a JSON body; any answer is returned, errors included. The tag
   * operations live under {@code /tags/}; pass their path as the operation.
   */
  public SignedHttp.Reply call(
      AwsCreds as, String region, String method, String operation, String jsonBody) {
    return http.send(
        as, "drs", region, method, "/" + operation, "application/json", jsonBody);
  }

  public SignedHttp.Reply call(AwsCreds as, String region, String operation, String jsonBody) {
    return call(as, region, "POST", operation, jsonBody);
  }

  /** InitializeService: what {@code aws drs initialize-service} does for a region. */
  public void initialize(AwsCreds as, String region) {
    SignedHttp.Reply r = call(as, region, "InitializeService", "{}");
    if (r.status() != 204) {
      throw new IllegalStateException(
          "DRS InitializeService in " + region + " answered " + r.status() + ": " + r.body());
    }
  }

  /** Every replication configuration template in the caller's account and {@code region}. */
  public List<JsonNode> templates(AwsCreds as, String region) {
    SignedHttp.Reply r = call(as, region, "DescribeReplicationConfigurationTemplates", "{}");
    if (r.errorType().equals("UninitializedAccountException")) {
      return List.of();
    }
    if (r.status() != 200) {
      throw new IllegalStateException(
          "DRS DescribeReplicationConfigurationTemplates in "
              + region
              + " answered "
              + r.status()
              + ": "
              + r.body());
    }
    List<JsonNode> out = new ArrayList<>();
    parse(r.body()).path("items").forEach(out::add);
    return out;
  }

  /**
   * What installing the AWS Replication Agent on a server does: registers a source server, which takes
   * the template's settings (the stand-in's POST /drs-standin/RegisterSourceServer, drs_standin.py rule 12).
   */
  public String registerSourceServer(AwsCreds as, String region, String hostname) {
    return registerSourceServer(as, region, hostname, List.of());
  }

  /** The same for a server with these addresses (how verify tells which replication it belongs to). */
  public String registerSourceServer(AwsCreds as, String region, String hostname, List<String> ips) {
    String addresses = String.join(",", ips.stream().map(ip -> "\"" + ip + "\"").toList());
    SignedHttp.Reply r = call(as, region, "drs-standin/RegisterSourceServer", "{\"hostname\":\"" + hostname + "\",\"ips\":[" + addresses + "]}");
    if (r.status() != 201) {
      throw new IllegalStateException("registering source server " + hostname + " in " + region + " answered " + r.status() + ": " + r.body());
    }
    return parse(r.body()).path("sourceServerID").asText();
  }

  /** UpdateReplicationConfiguration of one source server; {@code settings} are JSON members without braces. */
  public void updateReplicationConfiguration(AwsCreds as, String region, String sourceServerId, String settings) {
    SignedHttp.Reply r = call(as, region, "UpdateReplicationConfiguration", "{\"sourceServerID\":\"" + sourceServerId + "\"," + settings + "}");
    if (r.status() != 200) {
      throw new IllegalStateException("UpdateReplicationConfiguration of " + sourceServerId + " answered " + r.status() + ": " + r.body());
    }
  }

  JsonNode parse(String body) {
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("DRS answer is not JSON: " + body, e);
    }
  }
}
