package harness.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guard's proxy is a loopback port nobody listens on, and loopback itself is not proxied. */
class EgressGuardTest {

  @Test
  void everyProxyVariablePointsAtTheClosedPort() {
    int port = EgressGuard.closedPort();
    Map<String, String> env = EgressGuard.environment(port);
    for (String k : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
      assertEquals("http://127.0.0.1:" + port, env.get(k), k);
    }
    assertEquals("127.0.0.1,localhost", env.get("NO_PROXY"));
    assertEquals("true", env.get("AWS_EC2_METADATA_DISABLED"));
    assertEquals("/dev/null", env.get("AWS_SHARED_CREDENTIALS_FILE"));
    assertThrows(
        ConnectException.class,
        () -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
          }
        });
  }
}
