package drslink.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.model.Account;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one door from the CLI into the live checks. Its signatures carry no SDK type, so picocli can
 * build the command tree without loading the SDK: only a preflight or verify run does, through here.
 */
public final class LiveRun {

  private LiveRun() {}

  /**
   * {@code guard} records every call made; pass a new one per run. Reads that fail do not throw: they are
   * in {@link Findings#unreadable()}, next to the findings made with what could be read.
   */
  public static Findings preflight(ReplicationModel model, URI endpoint, ReadOnlyGuard guard) {
    return run(model, endpoint, guard, (paths, cloud) -> new PreflightChecks(paths, cloud).run());
  }

  /** {@code model}: the one the pipeline worked out when it loaded and validated the topology. */
  public static Findings verify(ReplicationModel model, URI endpoint, ReadOnlyGuard guard) {
    return run(
        model, endpoint, guard,
        (paths, cloud) -> {
          Prefetch.verify(paths, cloud);
          return new PathChecks(paths, cloud).run();
        });
  }

  /** The checks over any {@link Cloud}: what the commands run on the SDK and tests on recorded answers. */
  public static Findings preflight(Topology topology, Cloud cloud) {
    return new PreflightChecks(new LivePaths(topology), cloud).run();
  }

  public static Findings verify(Topology topology, Cloud cloud) {
    return new PathChecks(new LivePaths(topology), cloud).run();
  }

  private interface Checks {
    Findings run(LivePaths paths, Cloud cloud);
  }

  private static Findings run(ReplicationModel model, URI endpoint, ReadOnlyGuard guard, Checks checks) {
    Topology topology = model.topology();
    Map<String, String> roles = new HashMap<>();
    for (Account a : topology.accounts()) {
      if (a.roleArn() != null) {
        roles.put(a.name().value(), a.roleArn().value());
      }
    }
    try (AwsAccess aws = new AwsAccess(endpoint, roles, guard)) {
      return checks.run(new LivePaths(model), new SdkCloud(aws, new ObjectMapper()));
    } catch (SdkException e) {
      // Backstop: every read goes through SdkCloud, which turns failures into Cloud.Unreadable per unit.
      String call = guard.lastCallOfThisThread();
      Findings findings = new Findings();
      findings.unreadable(ReadFailure.cause(e, call) + " (" + call.replace(':', ' ') + ")");
      return findings;
    } catch (RuntimeException e) {
      // Backstop: units catch their own (Findings.attempt); anything else still ends as a report, never exit 70.
      Findings findings = new Findings();
      findings.unreadable(Findings.unexpected(e));
      return findings;
    }
  }
}
