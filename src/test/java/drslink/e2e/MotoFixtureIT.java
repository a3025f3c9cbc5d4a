package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.MotoServer;
import harness.terraform.Cleanup;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The moto fixture creates what each topology refers to, and rewrites the file to moto's ids. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoFixtureIT {

  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private MotoServer server;
  private MotoFixture moto;

  @BeforeAll
  void start() {
    runtime = ToolRuntime.fromSystemProperty();
    server = runtime.startMoto();
    moto = new MotoFixture(server, yaml);
  }

  @AfterAll
  void stop() {
    Cleanup.closeAll(moto, server, runtime);
  }

  @BeforeEach
  void resetMoto() {
    moto.reset();
  }

  /**
   * HarnessIT's fixture; every example and golden topology is checked the same way by ExamplesE2EIT
   * right after it seeds them ({@link SeededChecks}), so they are not seeded twice.
   */
  @Test
  void seedsEveryReferencedObjectAndRewritesTheIds() throws IOException {
    String text =
        Files.readString(project.resolve("src/test/resources/e2e/fixture/topology.yaml"), StandardCharsets.UTF_8);
    SeededChecks.assertSeeded(moto, text, moto.seed(text), yaml);
  }

  @Test
  void idsAreReplacedWholeNotInsideLongerIds() {
    String text =
        "a: rtb-0123456789abcdef0\nb: tgw-rtb-0123456789abcdef0\nc: [rtb-0123456789abcdef0]\n";
    String out =
        MotoFixture.replaceIds(
            text,
            Map.of(
                "rtb-0123456789abcdef0",
                "rtb-aaaa1111",
                "tgw-rtb-0123456789abcdef0",
                "tgw-rtb-bbbb"));
    assertEquals("a: rtb-aaaa1111\nb: tgw-rtb-bbbb\nc: [rtb-aaaa1111]\n", out);
  }

  @Test
  void crossAccountVpcsAreSeededInTheirRolesAccounts() {
    String text =
        String.join(
            "\n",
            "version: 1",
            "name: cross",
            "accounts:",
            "  - name: prod",
            "    id: \"111122223333\"",
            "    role_arn: arn:aws:iam::111122223333:role/terraform",
            "  - name: dr",
            "    id: \"444455556666\"",
            "regions:",
            "  - name: ap-northeast-1",
            "    vpcs:",
            "      - name: app",
            "        id: vpc-0a1b2c3d4e5f67890",
            "        cidr: 10.10.0.0/16",
            "        account: prod",
            "  - name: ap-northeast-3",
            "    vpcs:",
            "      - name: dr",
            "        id: vpc-0fedcba9876543210",
            "        cidr: 10.20.0.0/16",
            "        account: dr",
            "");
    SeededTopology seeded = moto.seed(text);
    TopologyTree t = seeded.topology();
    String caller = moto.accountOf(AwsCreds.TEST);
    assertEquals("111122223333", moto.accountOf(seeded.credsFor(t.vpc("app"))));
    assertEquals(caller, moto.accountOf(seeded.credsFor(t.vpc("dr"))));
    assertTrue(
        seeded.yaml().contains("id: \"" + caller + "\""), "role-less account becomes the caller's");
    assertEquals(
        "111122223333",
        moto.ec2("ap-northeast-1", seeded.credsFor(t.vpc("app")))
            .describeVpcs(r -> r.vpcIds(t.vpc("app").id()))
            .vpcs()
            .get(0)
            .ownerId());
  }

  /**
   * A call the SDK sends a second time is in the launcher's log with its attempt and invocation id
   * (moto_e2e.OneCallAtATime), so a retried write that meets its own first attempt is explained by
   * the lines ConcurrentCases prints: with no failed first attempt logged before it, the first answer
   * was lost on the way back.
   */
  @Test
  void aCallTheSdkSendsAgainIsLogged() throws InterruptedException {
    SignedHttp.Reply reply =
        new SignedHttp(server.endpoint())
            .send(
                AwsCreds.TEST,
                "sts",
                "us-east-1",
                "POST",
                "/",
                "application/x-www-form-urlencoded; charset=utf-8",
                "Action=GetCallerIdentity&Version=2011-06-15",
                Map.of("amz-sdk-request", "attempt=2; max=3", "amz-sdk-invocation-id", "retried-call-under-test"));
    assertEquals(200, reply.status(), reply.body());
    String expected = "GetCallerIdentity / sent again by the SDK (attempt=2; max=3; invocation retried-call-under-test)";
    // The container's log reaches the test a moment after the answer.
    for (int i = 0; i < 50 && server.failedCalls().stream().noneMatch(l -> l.contains(expected)); i++) {
      Thread.sleep(100);
    }
    assertTrue(server.failedCalls().stream().anyMatch(l -> l.contains(expected)), "not logged: " + expected + "\n" + server.failedCalls());
  }
  /**
   * Each answer leaves the emulator in one send, headers and body together (moto_e2e.py, fix 13): a packet
   * capture showed the provider close its connection between an answer's headers and its body, and send the
   * call again. Read raw, the first read of each of 50 answers holds the whole answer; with werkzeug's two
   * sends, some first reads held the headers only.
   */
  @Test
  void eachAnswerLeavesInOneSend() throws IOException {
    URI endpoint = URI.create(server.endpoint());
    String body = "Action=GetCallerIdentity&Version=2011-06-15";
    String request =
        "POST / HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n"
            + "Content-Type: application/x-www-form-urlencoded\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=" + AwsCreds.TEST.accessKeyId() + "/20261208/us-east-1/sts/aws4_request, SignedHeaders=host, Signature=0\r\n"
            + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    List<String> split = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        byte[] buffer = new byte[65_536];
        int read = socket.getInputStream().read(buffer);
        String first = new String(buffer, 0, Math.max(read, 0), StandardCharsets.UTF_8);
        assertTrue(first.startsWith("HTTP/1.1 200"), first);
        if (!first.contains("</GetCallerIdentityResponse>")) {
          split.add(first);
        }
      }
    }
    assertEquals(List.of(), split, "answers whose first read held only part of the answer");
  }
}
