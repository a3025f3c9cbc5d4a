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
