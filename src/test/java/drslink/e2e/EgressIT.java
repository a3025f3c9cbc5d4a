package drslink.e2e;

import static drslink.e2e.ExamplesE2EIT.assertNoFindings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import harness.emulator.ProviderOverride;
import harness.terraform.Terraform;
import harness.terraform.TerraformOptions;
import harness.terraform.ToolException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Nothing a test run does may be sent anywhere but 127.0.0.1. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EgressIT {

  private static final String MOTO = "http://127.0.0.1:5999";

  private final ObjectMapper json = new ObjectMapper();
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;

  @BeforeAll
  void start() {
    runtime = ToolRuntime.fromSystemProperty();
  }

  @AfterAll
  void stop() {
    runtime.close();
  }

  List<Named<Path>> topologies() {
    return E2eCases.all(project);
  }

  /**
   * The generated code carries no endpoint, and the override reaches every provider it declares.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("topologies")
  void generatedRootHasNoEndpointAndEveryProviderIsOverridden(Path topology) {
    try (Workspace ws = Workspace.create("egress-" + topology.getParent().getFileName())) {
      Path root = ws.resolve("root");
      DrslinkCli.fromBuild(project).generate(topology, root);
      assertNoFindings("generated root", EgressChecks.generatedRootHasNoEndpoint(root));
      List<String> aliases = ProviderOverride.write(root);
      assertTrue(!aliases.isEmpty(), "generated root declares no aws provider");
      assertNoFindings("override", EgressChecks.overrideCoversEveryProvider(root));
    }
  }

  @Test
  void everyTofuRunHasMetadataOffTheEmulatorsEndpointsAndAClosedLoopbackProxy() {
    try (Workspace ws = Workspace.create("egress-env")) {
      Terraform tf = runtime.terraformOn(ws.dir(), MOTO, json);
      Map<String, String> env = tf.environment();
      assertEquals("true", env.get("AWS_EC2_METADATA_DISABLED"));
      // Each service a root calls goes to the emulator, and nothing tells the SDK to ignore that.
      ProviderOverride.ENDPOINT_VARIABLES.values().forEach(v -> assertEquals(MOTO, env.get(v), v));
      assertFalse(env.containsKey("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
      assertFalse(env.containsKey("AWS_ENDPOINT_URL"), "a service drslink does not call stays on its AWS host");
      for (String k : List.of("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy")) {
        assertTrue(env.get(k).startsWith("http://127.0.0.1:"), k + "=" + env.get(k));
      }
      assertEquals("127.0.0.1,localhost", env.get("NO_PROXY"));
      int port = Integer.parseInt(env.get("HTTPS_PROXY").substring("http://127.0.0.1:".length()));
      assertThrows(
          ConnectException.class, () -> connect(port), "nothing may listen on the proxy port");
    }
  }

  /**
   * Negative control: a provider without the override heads for AWS, and the run must fail at the
   * closed loopback proxy, with the SDK's own error, instead of reaching the network.
   */
  @Test
  void callWithoutOverrideFailsAtTheLoopbackProxy() {
    try (Workspace ws = Workspace.create("egress-canary")) {
      Path root = ws.resolve("root");
      Workspace.copyTree(project.resolve("src/test/resources/e2e/egress-canary"), root);
      Terraform tf =
          new Terraform(runtime, TerraformOptions.builder(root).noRetries().build(), json);
      tf.init();
      ToolException e = assertThrows(ToolException.class, tf::plan);
      String proxy = tf.environment().get("HTTPS_PROXY").substring("http://".length());
      assertTrue(
          e.getMessage().contains("proxyconnect") && e.getMessage().contains(proxy),
          "expected a refused proxy connection to " + proxy + ", got:\n" + e.getMessage());
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
    }
  }
}
