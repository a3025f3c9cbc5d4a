package harness.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that keeps every tofu run on this machine's loopback.
 *
 * <p>The provider override points every endpoint the generated roots use at moto on 127.0.0.1.
 * Anything it misses would go to AWS: the proxy variables send such a call to a 127.0.0.1 port on
 * which nothing listens, so it fails at once with "proxyconnect ... connection refused" instead of
 * leaving the machine. Go's HTTP client never proxies loopback hosts, so moto is reached directly.
 */
public final class EgressGuard {
  private EgressGuard() {}

  /** A loopback port with no listener, used as the "proxy" for anything non-local. */
  public static int closedPort() {
    return MotoServer.freeLoopbackPort();
  }

  public static Map<String, String> environment(int closedProxyPort) {
    String proxy = "http://127.0.0.1:" + closedProxyPort;
    Map<String, String> env = new LinkedHashMap<>();
    // 169.254.169.254 is off limits; the override also sets skip_metadata_api_check = true.
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("HTTP_PROXY", proxy);
    env.put("HTTPS_PROXY", proxy);
    env.put("http_proxy", proxy);
    env.put("https_proxy", proxy);
    env.put("NO_PROXY", "127.0.0.1,localhost");
    env.put("no_proxy", "127.0.0.1,localhost");
    // No shared config or credentials files: a developer's profile must never be used.
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("CHECKPOINT_DISABLE", "1");
    env.put("TF_IN_AUTOMATION", "1");
    env.put("TF_INPUT", "0");
    return env;
  }
}
