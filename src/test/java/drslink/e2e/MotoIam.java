package drslink.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IAM reads the e2e checks need (roles, their trust and managed policies, instance profiles), as SigV4-signed
 * query requests ({@link SignedHttp}): the test classpath has no IAM SDK module. IAM is global; moto keeps it per
 * account and partition, so each call is signed for the partition's global region.
 */
final class MotoIam {
  private static final String VERSION = "2010-05-08";

  private final SignedHttp http;
  private final ObjectMapper json = new ObjectMapper();

  MotoIam(String endpoint) {
    this.http = new SignedHttp(endpoint);
  }

  /** A role as read back: the principals its trust policy names (services and AWS ARNs), empty when absent. */
  record Role(String name, TreeSet<String> principals) {}

  Optional<Role> role(AwsCreds as, String globalRegion, String name) {
    SignedHttp.Reply r = call(as, globalRegion, Map.of("Action", "GetRole", "RoleName", name));
    if (r.status() == 404 || r.body().contains("NoSuchEntity")) {
      return Optional.empty();
    }
    ok(r, "GetRole");
    String document = elements(r.body(), "AssumeRolePolicyDocument").stream().findFirst().orElse("");
    // AWS returns the document URL-encoded; moto may return it as plain JSON.
    String text = document.startsWith("%") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : unescapeXml(document);
    TreeSet<String> principals = new TreeSet<>();
    try {
      for (JsonNode statement : json.readTree(text).path("Statement")) {
        for (JsonNode p : statement.path("Principal")) {
          if (p.isArray()) {
            p.forEach(x -> principals.add(x.asText()));
          } else {
            principals.add(p.asText());
          }
        }
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("trust policy of " + name + " is not JSON: " + text, e);
    }
    return Optional.of(new Role(name, principals));
  }

  List<String> attachedPolicyArns(AwsCreds as, String globalRegion, String role) {
    SignedHttp.Reply r = call(as, globalRegion, Map.of("Action", "ListAttachedRolePolicies", "RoleName", role));
    ok(r, "ListAttachedRolePolicies");
    return elements(r.body(), "PolicyArn");
  }

  /** The roles in an instance profile; empty when there is no such profile. */
  Optional<List<String>> instanceProfileRoles(AwsCreds as, String globalRegion, String name) {
    SignedHttp.Reply r = call(as, globalRegion, Map.of("Action", "GetInstanceProfile", "InstanceProfileName", name));
    if (r.status() == 404 || r.body().contains("NoSuchEntity")) {
      return Optional.empty();
    }
    ok(r, "GetInstanceProfile");
    return Optional.of(elements(r.body(), "RoleName"));
  }

  List<String> roleNames(AwsCreds as, String globalRegion) {
    SignedHttp.Reply r = call(as, globalRegion, Map.of("Action", "ListRoles", "MaxItems", "1000"));
    ok(r, "ListRoles");
    return elements(r.body(), "RoleName");
  }

  List<String> instanceProfileNames(AwsCreds as, String globalRegion) {
    SignedHttp.Reply r = call(as, globalRegion, Map.of("Action", "ListInstanceProfiles", "MaxItems", "1000"));
    ok(r, "ListInstanceProfiles");
    return elements(r.body(), "InstanceProfileName");
  }

  private SignedHttp.Reply call(AwsCreds as, String globalRegion, Map<String, String> params) {
    StringBuilder body = new StringBuilder("Version=" + VERSION);
    new LinkedHashMap<>(params)
        .forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return http.send(as, "iam", globalRegion, "POST", "/", "application/x-www-form-urlencoded; charset=utf-8", body.toString());
  }

  private static void ok(SignedHttp.Reply r, String action) {
    if (r.status() != 200) {
      throw new IllegalStateException("moto IAM " + action + " answered " + r.status() + ": " + r.body());
    }
  }

  private static List<String> elements(String xml, String name) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
    while (m.find()) {
      out.add(m.group(1).strip());
    }
    return out;
  }

  private static String unescapeXml(String s) {
    return s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
