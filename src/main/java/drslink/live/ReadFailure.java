package drslink.live;

import drslink.model.Partition;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed read into one line that names the cause and where it happened, instead of the SDK's
 * message (without credentials, 1,700 characters listing every provider of the chain). Causes: network,
 * credentials, permission, throttling (after the SDK's own retries), server error.
 */
final class ReadFailure {
  /**
   * Error codes that mean "not allowed": EC2 says UnauthorizedOperation, Route 53 and STS AccessDenied, DRS
   * AccessDeniedException (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html,
   * https://docs.aws.amazon.com/Route53/latest/APIReference/CommonErrors.html,
   * https://docs.aws.amazon.com/drs/latest/APIReference/CommonErrors.html).
   */
  private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnauthorizedAccess", "Forbidden");

  /** Codes that mean the credentials themselves were refused (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html). */
  private static final Set<String> BAD_CREDENTIALS =
      Set.of("AuthFailure", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException", "InvalidAccessKeyId", "IncompleteSignature");

  private ReadFailure() {}

  /**
   * {@code call} is "Service:Operation" of the failed call (the {@link ReadOnlyGuard}'s last), {@code
   * endpoint} where it was sent.
   */
  static Cloud.Unreadable of(SdkException e, String call, Cloud.Place place, String endpoint) {
    // STS is called once per account, whatever region the read was for: name the account, not the region.
    boolean sts = call.startsWith("Sts:");
    String where = call.replace(':', ' ') + (sts ? " for account " + place.account() : " in " + place) + " at " + endpoint;
    return new Cloud.Unreadable(cause(e, call) + " (" + where + ")", e);
  }

  static String cause(SdkException e, String call) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null || s.awsErrorDetails().errorCode() == null ? "" : s.awsErrorDetails().errorCode();
      int status = s.statusCode();
      if (DENIED.contains(code) || status == 403 && !BAD_CREDENTIALS.contains(code)) {
        return "permission: " + action(call) + " denied (" + (code.isEmpty() ? "HTTP 403" : code) + ")";
      }
      if (BAD_CREDENTIALS.contains(code)) {
        return "credentials: refused by AWS (" + code + ")";
      }
      if (s.isThrottlingException()) {
        return "throttling: still throttled after the SDK's retries (" + (code.isEmpty() ? "HTTP " + status : code) + ")";
      }
      if (status >= 500) {
        return "server error: HTTP " + status + (code.isEmpty() ? "" : " " + code);
      }
      return "error: HTTP " + status + (code.isEmpty() ? "" : " " + code) + firstLine(s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorMessage());
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (message.startsWith("Unable to load credentials")) {
      return "credentials: none found in the default chain (environment, system properties, profile, SSO, container, instance metadata)";
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return "network: timed out";
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "network: connection refused";
      }
      if (t instanceof SocketTimeoutException) {
        return "network: timed out";
      }
      if (t instanceof UnknownHostException) {
        return "network: unknown host " + t.getMessage();
      }
      if (t instanceof IOException) {
        return "network: " + firstLine(t.getMessage()).replaceFirst("^: ", "");
      }
    }
    return "error: " + firstLine(message).replaceFirst("^: ", "");
  }

  /** The IAM action of a call: "Ec2:DescribeVpcs" is ec2:DescribeVpcs. */
  static String action(String call) {
    int colon = call.indexOf(':');
    return colon < 0 ? call : call.substring(0, colon).toLowerCase(Locale.ROOT) + call.substring(colon);
  }

  /**
   * Where a call went: the override, else the service's endpoint in the region's partition
   * (https://docs.aws.amazon.com/general/latest/gr/rande.html; Route 53 and STS per partition:
   * https://docs.aws.amazon.com/general/latest/gr/r53.html, https://docs.aws.amazon.com/general/latest/gr/sts.html).
   */
  static String endpoint(URI override, String call, String region) {
    if (override != null) {
      return override.toString();
    }
    String service = call.contains(":") ? call.substring(0, call.indexOf(':')).toLowerCase(Locale.ROOT) : call.toLowerCase(Locale.ROOT);
    Partition partition = AwsAccess.partitionOf(region);
    return "https://" + switch (service) {
      case "route53" -> partition.route53Hostname();
      case "sts" -> partition.serviceHostname(partition.globalRegion(), "sts");
      default -> partition.serviceHostname(region, service);
    };
  }

  private static String firstLine(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
  }
}
