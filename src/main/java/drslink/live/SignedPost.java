package drslink.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * One SigV4-signed JSON POST, for the services whose SDK module is not in the build (DRS, Route 53
 * Resolver). The {@link ReadOnlyGuard} is asked first, as the SDK clients' interceptor would be; an
 * error answer becomes an {@link AwsServiceException} with the code AWS sent (X-Amzn-ErrorType, else
 * the body's __type), so {@link ReadFailure} classifies it like any SDK failure.
 */
final class SignedPost {
  /** Status, the error code (empty when none) and the body. */
  record Answer(int status, String errorCode, String body) {}

  private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

  private SignedPost() {}

  static Answer call(AwsAccess aws, Cloud.Place place, String signingName, String operation, URI uri, Map<String, String> headers, String body) {
    aws.guard().check(signingName, operation);
    SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri);
    headers.forEach(unsigned::putHeader);
    AwsCredentialsIdentity identity = aws.credentials(place.account()).resolveCredentials();
    SignedRequest signed =
        SIGNER.sign(
            r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, place.region()));
    try {
      HttpExecuteResponse response =
          aws.http().prepareRequest(HttpExecuteRequest.builder().request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
      String text = read(response);
      String type = response.httpResponse().firstMatchingHeader("X-Amzn-ErrorType").orElse("");
      if (type.isEmpty() && response.httpResponse().statusCode() >= 300) {
        var m = java.util.regex.Pattern.compile("\"__type\"\\s*:\\s*\"([^\"]*)\"").matcher(text);
        type = m.find() ? m.group(1) : "";
      }
      String code = type.contains(":") ? type.substring(0, type.indexOf(':')) : type;
      code = code.contains("#") ? code.substring(code.indexOf('#') + 1) : code;
      return new Answer(response.httpResponse().statusCode(), code, text);
    } catch (IOException e) {
      throw SdkClientException.create(signingName + " " + operation + " in " + place.region() + " failed", e);
    }
  }

  /** An answer that is not a 200, as the SDK would throw it. */
  static AwsServiceException error(Answer a, String service) {
    return (AwsServiceException)
        AwsServiceException.builder().statusCode(a.status()).awsErrorDetails(AwsErrorDetails.builder().errorCode(a.errorCode().isEmpty() ? null : a.errorCode()).serviceName(service).errorMessage(a.body()).build()).build();
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
