package drslink.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * The two STS calls the fixture needs (AssumeRole, GetCallerIdentity), as SigV4-signed query
 * requests. The project's test classpath has no STS SDK module; these two calls do not justify one.
 */
final class MotoSts {
  private static final String VERSION = "2011-06-15";

  private final String endpoint;
  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  MotoSts(String endpoint) {
    this.endpoint = endpoint;
  }

  /** Assumes a role; moto hands back keys that act in the role's account (no role must exist). */
  AwsCreds assumeRole(AwsCreds as, String roleArn, String sessionName) {
    String xml =
        call(
            as, Map.of("Action", "AssumeRole", "RoleArn", roleArn, "RoleSessionName", sessionName));
    return new AwsCreds(
        element(xml, "AccessKeyId"), element(xml, "SecretAccessKey"), element(xml, "SessionToken"));
  }

  String account(AwsCreds as) {
    return element(call(as, Map.of("Action", "GetCallerIdentity")), "Account");
  }

  private String call(AwsCreds as, Map<String, String> params) {
    StringBuilder body = new StringBuilder("Version=" + VERSION);
    params.forEach(
        (k, v) ->
            body.append('&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    String payload = body.toString();
    SdkHttpFullRequest unsigned =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(URI.create(endpoint + "/"))
            .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(as.identity())
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromUtf8String(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(URI.create(endpoint + "/"))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(payload));
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      // java.net.http sets these itself (to the same values that were signed).
      if (h.getKey().equalsIgnoreCase("host") || h.getKey().equalsIgnoreCase("content-length")) {
        continue;
      }
      h.getValue().forEach(v -> req.header(h.getKey(), v));
    }
    try {
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() != 200) {
        throw new IllegalStateException(
            "moto STS "
                + params.get("Action")
                + " answered "
                + res.statusCode()
                + ": "
                + res.body());
      }
      return res.body();
    } catch (IOException e) {
      throw new IllegalStateException("moto STS " + params.get("Action") + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("moto STS answer has no <" + name + ">: " + xml);
    }
    return m.group(1);
  }
}
