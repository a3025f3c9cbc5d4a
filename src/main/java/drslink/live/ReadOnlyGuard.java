package drslink.live;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Keeps preflight and verify strictly read-only: every SDK client they build carries this interceptor,
 * which records each operation and refuses, before anything is sent, one that is not a read. Reads are
 * the Describe*, List* and Get* operations of EC2, Route 53 and DRS; STS AssumeRole and
 * GetCallerIdentity only obtain credentials. The DRS read, made without an SDK client, asks
 * {@link #check} itself.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

  /** STS calls that hand out credentials or say who is calling; they change nothing in the account. */
  private static final Set<String> CREDENTIAL_CALLS = Set.of("AssumeRole", "GetCallerIdentity");

  /**
   * Reads whose name says neither Describe, List nor Get: SearchTransitGatewayRoutes only searches a
   * route table (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_SearchTransitGatewayRoutes.html).
   */
  private static final Set<String> OTHER_READS = Set.of("SearchTransitGatewayRoutes");

  private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  /** The last call each thread made: reads run on several threads, and a failure names its own call. */
  private final ThreadLocal<String> last = new ThreadLocal<>();

  public static boolean isRead(String operation) {
    return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get") || CREDENTIAL_CALLS.contains(operation) || OTHER_READS.contains(operation);
  }

  /** Records the call, or throws when it would change something. */
  public void check(String service, String operation) {
    if (!isRead(operation)) {
      throw new IllegalStateException("drslink refused " + service + " " + operation + ": preflight and verify only read");
    }
    calls.add(service + ":" + operation);
    last.set(service + ":" + operation);
  }

  /** "Service:Operation" of the calling thread's last call, or "unknown". */
  public String lastCallOfThisThread() {
    String call = last.get();
    return call == null ? "unknown" : call;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    check(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME), attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  /** Every call made so far, as "Service:Operation", in order. */
  public List<String> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }
}
