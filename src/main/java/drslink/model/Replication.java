package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/**
 * One entry of {@code replication:}; {@code settings} is null when the file has none. {@code recoverySubnetId}
 * (null when absent) and {@code recoverySecurityGroupIds} say where the replication's recovery instances launch:
 * DRS launches them where each source server's EC2 launch template says, else into the default subnet
 * (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html).
 */
public record Replication(
    Located<String> name,
    List<Located<String>> sources,
    Located<String> target,
    Located<Boolean> failback,
    ReplicationSettings settings,
    Located<String> recoverySubnetId,
    List<Located<String>> recoverySecurityGroupIds,
    SourceLocation at) {

  public Replication {
    sources = List.copyOf(sources);
    recoverySecurityGroupIds = List.copyOf(recoverySecurityGroupIds);
  }

  /** A replication without recovery launch settings. */
  public Replication(Located<String> name, List<Located<String>> sources, Located<String> target, Located<Boolean> failback, ReplicationSettings settings, SourceLocation at) {
    this(name, sources, target, failback, settings, null, List.of(), at);
  }

  public String nameValue() {
    return name.value();
  }

  public boolean failbackEnabled() {
    return failback != null && failback.value();
  }

  public List<String> sourceNames() {
    return sources.stream().map(Located::value).toList();
  }
}
