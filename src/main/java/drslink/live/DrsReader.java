package drslink.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Reads a region's DRS replication configuration templates. The SDK's drs module is not available to
 * this build, so this is the one REST-JSON call made by hand: {@code POST
 * /DescribeReplicationConfigurationTemplates} with an empty filter, SigV4-signed for service {@code drs}
 * (https://docs.aws.amazon.com/drs/latest/APIReference/API_DescribeReplicationConfigurationTemplates.html).
 * Before InitializeService, AWS answers it with UninitializedAccountException (HTTP 400, in the
 * X-Amzn-ErrorType header), which is what "not initialized" means here.
 */
final class DrsReader {
  private static final String OPERATION = "DescribeReplicationConfigurationTemplates";

  private final AwsAccess aws;
  private final ObjectMapper json;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  DrsReader(AwsAccess aws, ObjectMapper json) {
    this.aws = aws;
    this.json = json;
  }

  Cloud.DrsState read(Cloud.Place place) {
    aws.guard().check("drs", OPERATION);
    URI uri = URI.create(base(place.region()) + "/" + OPERATION);
    String body = "{}";
    SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri).putHeader("Content-Type", "application/json").build();
    AwsCredentialsIdentity identity = aws.credentials(place.account()).resolveCredentials();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(identity)
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromUtf8String(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "drs")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, place.region()));
    try {
      HttpExecuteResponse response =
          aws.http().prepareRequest(HttpExecuteRequest.builder().request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
      int status = response.httpResponse().statusCode();
      String text = read(response);
      String errorType = response.httpResponse().firstMatchingHeader("X-Amzn-ErrorType").orElse("");
      if (errorType.startsWith("UninitializedAccountException")) {
        return new Cloud.DrsState(false, List.of());
      }
      if (status != 200) {
        String code = errorType.contains(":") ? errorType.substring(0, errorType.indexOf(':')) : errorType;
        throw AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder().errorCode(code.isEmpty() ? null : code).serviceName("drs").errorMessage(text).build()).build();
      }
      List<Cloud.DrsTemplate> templates = new ArrayList<>();
      for (JsonNode t : json.readTree(text).path("items")) {
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
      throw SdkClientException.create("DRS " + OPERATION + " in " + place.region() + " failed", e);
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
    return "https://drs." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : "");
  }

  private static String read(HttpExecuteResponse response) throws IOException {
    if (response.responseBody().isEmpty()) {
      return "";
    }
    try (InputStream in = response.responseBody().get()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
