package drslink.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * SigV4-signed HTTP calls to the emulator on 127.0.0.1, for the few calls the test classpath has no
 * SDK module for (STS, DRS). moto and the DRS stand-in read the service and region from the
 * signature's credential scope and the account from the access key, so the signing matters.
 */
final class SignedHttp {

  /** An answer: status, the {@code X-Amzn-ErrorType} header ("" when absent) and the body. */
  record Reply(int status, String errorType, String body) {}

  private final String endpoint;
  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  SignedHttp(String endpoint) {
    this.endpoint = endpoint;
  }

  /** Sends {@code payload} ("" for none) to {@code path} (with any query) signed for service. */
  Reply send(
      AwsCreds as,
      String service,
      String region,
      String method,
      String path,
      String contentType,
      String payload) {
    return send(as, service, region, method, path, contentType, payload, Map.of());
  }

  /** As above, with more headers signed and sent (X-Amz-Target for the JSON 1.1 protocol). */
  Reply send(
      AwsCreds as,
      String service,
      String region,
      String method,
      String path,
      String contentType,
      String payload,
      Map<String, String> headers) {
    URI uri = URI.create(endpoint + path);
    SdkHttpFullRequest.Builder unsigned =
        SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
    if (contentType != null) {
      unsigned.putHeader("Content-Type", contentType);
    }
    headers.forEach(unsigned::putHeader);
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(as.identity())
                    .request(unsigned.build())
                    .payload(ContentStreamProvider.fromUtf8String(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder req =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                payload.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(payload));
    for (Map.Entry<String, List<String>> h : signed.request().headers().entrySet()) {
      // java.net.http sets these itself (to the same values that were signed).
      if (h.getKey().equalsIgnoreCase("host") || h.getKey().equalsIgnoreCase("content-length")) {
        continue;
      }
      h.getValue().forEach(v -> req.header(h.getKey(), v));
    }
    try {
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          res.statusCode(), res.headers().firstValue("X-Amzn-ErrorType").orElse(""), res.body());
    } catch (IOException e) {
      throw new IllegalStateException(service + " " + method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
