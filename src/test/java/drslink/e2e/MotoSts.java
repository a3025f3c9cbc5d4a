package drslink.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two STS calls the fixture needs (AssumeRole, GetCallerIdentity), as SigV4-signed query
 * requests ({@link SignedHttp}). The project's test classpath has no STS SDK module; these two
 * calls do not justify one.
 */
final class MotoSts {
  private static final String VERSION = "2011-06-15";

  private final SignedHttp http;

  MotoSts(String endpoint) {
    this.http = new SignedHttp(endpoint);
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
    SignedHttp.Reply res =
        http.send(
            as,
            "sts",
            "us-east-1",
            "POST",
            "/",
            "application/x-www-form-urlencoded; charset=utf-8",
            body.toString());
    if (res.status() != 200) {
      throw new IllegalStateException(
          "moto STS " + params.get("Action") + " answered " + res.status() + ": " + res.body());
    }
    return res.body();
  }

  private static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    if (!m.find()) {
      throw new IllegalStateException("moto STS answer has no <" + name + ">: " + xml);
    }
    return m.group(1);
  }
}
