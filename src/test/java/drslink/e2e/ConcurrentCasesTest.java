package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import harness.emulator.MotoServer;
import harness.terraform.CommandResult;
import harness.terraform.ToolException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;

/**
 * The default worker count follows free memory, within bounds; a case runs once more only when it
 * failed the way a write sent twice fails.
 */
class ConcurrentCasesTest {

  private static final long GIB = 1L << 30;

  @Test
  void workersFollowAvailableMemory() {
    assertEquals(2, ConcurrentCases.workersFor(2 * GIB), "a small machine still runs two");
    assertEquals(4, ConcurrentCases.workersFor(6 * GIB + GIB / 2));
    assertEquals(ConcurrentCases.MAX_DEFAULT_WORKERS, ConcurrentCases.workersFor(64 * GIB));
  }

  @Test
  void unknownMemoryKeepsTheOldDefault() {
    assertEquals(3, ConcurrentCases.workersFor(-1));
  }

  private static final String DUPLICATE_RECORD =
      "Error: creating Route53 Record: operation error Route 53: ChangeResourceRecordSets, https response"
          + " error StatusCode: 400, RequestID: 8q3C, InvalidChangeBatch: Tried to create resource record"
          + " set [name='drs.ap-northeast-1.amazonaws.com.', type='A'] but it already exists\n  with"
          + " module.dns_drs_ap_northeast_1.aws_route53_record.apex,";

  @Test
  void aCreateMeetingItsOwnNameIsRecognisedInTheCauseChain() {
    ToolException apply = new ToolException("tofu apply", new CommandResult(List.of("tofu", "apply"), 1, "", DUPLICATE_RECORD));
    assertEquals(
        "InvalidChangeBatch: Tried to create resource record set [name='drs.ap-northeast-1.amazonaws.com.',"
            + " type='A'] but it already exists",
        ConcurrentCases.writeSentTwice(new RuntimeException("case failed", apply)));
    assertEquals(
        "RouteAlreadyExists",
        ConcurrentCases.writeSentTwice(new AssertionError("api error RouteAlreadyExists: route exists")));
    assertNull(ConcurrentCases.writeSentTwice(new AssertionError("second plan must report no changes")));
  }

  @Test
  void onlyAWriteSentTwiceRunsTheCaseOnceMore() throws Exception {
    Named<Path> c = Named.of("bidirectional", Path.of("examples/bidirectional/topology.yaml"));
    MotoFixture moto = new MotoFixture(new SilentMoto(), new ObjectMapper());

    AtomicInteger runs = new AtomicInteger();
    ConcurrentCases.proveRetryingAWriteSentTwice(
        (t, m) -> {
          if (runs.incrementAndGet() == 1) {
            throw new ToolException("tofu apply", new CommandResult(List.of("tofu", "apply"), 1, "", DUPLICATE_RECORD));
          }
        },
        c,
        moto);
    assertEquals(2, runs.get(), "a duplicate create runs the case again, and the second run passes");

    AtomicInteger twice = new AtomicInteger();
    AssertionError real = new AssertionError("plan of bidirectional: 1 finding");
    AssertionError thrown =
        assertThrows(
            AssertionError.class,
            () -> ConcurrentCases.proveRetryingAWriteSentTwice((t, m) -> { twice.incrementAndGet(); throw real; }, c, moto));
    assertSame(real, thrown);
    assertEquals(1, twice.get(), "any other failure fails at once");

    AtomicInteger always = new AtomicInteger();
    ToolException again =
        assertThrows(
            ToolException.class,
            () ->
                ConcurrentCases.proveRetryingAWriteSentTwice(
                    (t, m) -> {
                      always.incrementAndGet();
                      throw new ToolException("tofu apply", new CommandResult(List.of("tofu", "apply"), 1, "", DUPLICATE_RECORD));
                    },
                    c,
                    moto));
    assertEquals(2, always.get(), "a template that creates an object twice fails on the second run too");
    assertEquals(1, again.getSuppressed().length, "the first failure is kept beside the second");
  }

  /** A server that was never started: the retry only asks it for its failed calls. */
  private static final class SilentMoto extends MotoServer {
    SilentMoto() {
      super(1);
    }

    @Override
    protected String output() {
      return "drslink-e2e: ChangeResourceRecordSets /2013-04-01/hostedzone/Z/rrset -> 400 InvalidChangeBatch\n";
    }

    @Override
    protected boolean isAlive() {
      return false;
    }

    @Override
    public void close() {}
  }
}
