package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Account;
import drslink.model.Located;
import drslink.model.Replication;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Version, the topology name, and the names that become Terraform labels: well formed and unique. */
final class NamesRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    if (t.version() != null && t.version().value() != 1) {
      d.error("DRS020", t.version().at(), "unsupported version " + t.version().value(), "this drslink reads version: 1");
    }
    if (t.name() != null) {
      shape(d, t.name(), Patterns.TOPOLOGY_NAME, "topology name", "2-40 characters: lowercase letters, digits and '-', starting with a letter and not ending with '-'");
    }
    Map<String, Located<String>> vpcNames = new HashMap<>();
    Map<String, Located<String>> vpcIds = new HashMap<>();
    for (Vpc vpc : t.vpcs()) {
      shape(d, vpc.name(), Patterns.VPC_NAME, "VPC name", "1-31 characters: lowercase letters, digits and '-', starting with a letter");
      unique(d, vpcNames, vpc.name(), "VPC name", "VPC names must be unique across the whole file; rename one");
      unique(d, vpcIds, vpc.id(), "VPC id", "each VPC may be listed once; remove the duplicate entry");
    }
    Map<String, Located<String>> accountNames = new HashMap<>();
    Map<String, Located<String>> accountIds = new HashMap<>();
    for (Account account : t.accounts()) {
      shape(d, account.name(), Patterns.ACCOUNT_NAME, "account name", "1-31 characters: lowercase letters, digits and '-', starting with a letter");
      unique(d, accountNames, account.name(), "account name", "rename one of the accounts");
      unique(d, accountIds, account.id(), "account id", "list each AWS account once");
    }
    Map<String, Located<String>> replicationNames = new HashMap<>();
    for (Replication replication : t.replications()) {
      shape(d, replication.name(), Patterns.REPLICATION_NAME, "replication name", "1-63 characters: lowercase letters, digits and '-', starting with a letter");
      unique(d, replicationNames, replication.name(), "replication name", "rename one of the replications");
    }
    Map<String, Located<String>> regionNames = new HashMap<>();
    t.regions().forEach(r -> unique(d, regionNames, r.name(), "region", "list each region once and put all its VPCs under it"));
  }

  private static void shape(Diagnostics d, Located<String> value, Pattern pattern, String what, String rule) {
    if (value != null && !pattern.matcher(value.value()).matches()) {
      d.error("DRS021", value.at(), "invalid " + what + " '" + value.value() + "'", "use " + rule);
    }
  }

  private static void unique(Diagnostics d, Map<String, Located<String>> seen, Located<String> value, String what, String hint) {
    if (value == null) {
      return;
    }
    Located<String> first = seen.putIfAbsent(value.value(), value);
    if (first != null) {
      d.error("DRS022", value.at(), "duplicate " + what + " '" + value.value() + "' (first at line " + first.at().line() + ")", hint);
    }
  }
}
