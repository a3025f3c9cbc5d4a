package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/**
 * An existing VPC. {@code cidrs} holds {@code cidr} first, then any {@code cidrs:} entries. {@code account}
 * is null when the file names no account for it; {@code stagingSubnetId} and {@code existingStagingEndpoints} are null
 * when absent.
 */
public record Vpc(
    Located<String> name,
    String region,
    Located<String> id,
    List<Located<String>> cidrs,
    Located<String> account,
    List<Located<String>> routeTableIds,
    List<Located<String>> endpointSubnetIds,
    Located<String> stagingSubnetId,
    Located<Boolean> stagingPrivate,
    StagingEndpoints existingStagingEndpoints,
    SourceLocation at) implements ReplicationSource {

  public Vpc {
    cidrs = List.copyOf(cidrs);
    routeTableIds = List.copyOf(routeTableIds);
    endpointSubnetIds = List.copyOf(endpointSubnetIds);
  }

  /**
   * The same VPC of the topology: VPC names are unique in a file (DRS022), and every rule, planner and check looks them up and
   * compares them by name. Written out because a record's generated {@code equals} is linked through
   * {@code ObjectMethods} on first use, about 15 ms of a one-source {@code generate} (docs/performance.md);
   * {@code StartupGuardIT} holds the generate path free of such links.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Vpc v && name.value().equals(v.name.value());
  }

  @Override
  public int hashCode() {
    return name.value().hashCode();
  }

  public String nameValue() {
    return name.value();
  }

  public List<String> cidrValues() {
    return cidrs.stream().map(Located::value).toList();
  }

  /** Whether this VPC can host DRS endpoints and a staging area (a target, or a failback landing zone). */
  public boolean canHostStaging() {
    return !endpointSubnetIds.isEmpty() && stagingSubnetId != null;
  }

  public boolean isStagingPrivate() {
    return stagingPrivate != null && stagingPrivate.value();
  }

  /** The existing EC2 interface endpoint drslink reuses instead of creating one, or null. */
  public String reusedEc2Endpoint() {
    return existingStagingEndpoints == null || existingStagingEndpoints.ec2() == null ? null : existingStagingEndpoints.ec2().value();
  }

  /** The existing S3 gateway endpoint drslink reuses instead of creating one, or null. */
  public String reusedS3GatewayEndpoint() {
    return existingStagingEndpoints == null || existingStagingEndpoints.s3Gateway() == null ? null : existingStagingEndpoints.s3Gateway().value();
  }
}
