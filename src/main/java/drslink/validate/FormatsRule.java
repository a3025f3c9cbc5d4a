package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Account;
import drslink.model.Connectivity;
import drslink.model.Ipv4Cidr;
import drslink.model.Located;
import drslink.model.Replication;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/** The shape of every id, CIDR, account id and role ARN (tags: TagsRule; version constraints: VersionConstraintsRule). */
final class FormatsRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    for (Vpc vpc : t.vpcs()) {
      nullableId(d, vpc.id(), "vpc");
      Set<String> seenCidrs = new HashSet<>();
      for (Located<String> cidr : vpc.cidrs()) {
        cidr(d, cidr);
        if (!seenCidrs.add(cidr.value())) {
          d.error("DRS040", cidr.at(), "CIDR " + cidr.value() + " is listed twice for VPC " + vpc.nameValue(), "cidrs lists only the VPC's additional CIDRs; remove the repeat");
        }
      }
      ids(d, vpc.routeTableIds(), "rtb");
      ids(d, vpc.endpointSubnetIds(), "subnet");
      if (vpc.stagingSubnetId() != null) {
        id(d, vpc.stagingSubnetId(), "subnet");
      }
      if (vpc.existingStagingEndpoints() != null) {
        vpc.existingStagingEndpoints().ids().forEach(id -> id(d, id, "vpce"));
      }
    }
    for (Replication r : t.replications()) {
      nullableId(d, r.recoverySubnetId(), "subnet");
      ids(d, r.recoverySecurityGroupIds(), "sg");
    }
    for (Account account : t.accounts()) {
      if (account.id() == null) {
        continue; // unreadable; the reader reported it
      }
      if (!Patterns.ACCOUNT_ID.matcher(account.id().value()).matches()) {
        d.error("DRS041", account.id().at(), "account id '" + account.id().value() + "' is not 12 digits", "write the id as 12 digits in quotes, e.g. id: \"111122223333\"");
      }
      if (account.roleArn() != null) {
        Matcher m = Patterns.ROLE_ARN.matcher(account.roleArn().value());
        if (!m.matches()) {
          d.error("DRS042", account.roleArn().at(), "role_arn '" + account.roleArn().value() + "' is not an IAM role ARN", "use arn:aws:iam::<account-id>:role/<role-name>");
        } else if (!m.group(2).equals(account.id().value())) {
          d.error(
              "DRS043",
              account.roleArn().at(),
              "role_arn is in account " + m.group(2) + " but account '" + account.name().value() + "' has id " + account.id().value(),
              "use a role in account " + account.id().value() + ", or fix the id");
        }
      }
    }
    for (Connectivity link : t.connectivity()) {
      if (link instanceof TransitGatewayLink tgw) {
        for (TransitGatewaySide side : tgw.gateways().values()) {
          nullableId(d, side.id(), "tgw");
          nullableId(d, side.routeTableId(), "tgw-rtb");
          nullableId(d, side.attachmentId(), "tgw-attach");
        }
      }
    }
  }

  private static void ids(Diagnostics d, List<Located<String>> ids, String prefix) {
    Set<String> seen = new HashSet<>();
    for (Located<String> id : ids) {
      id(d, id, prefix);
      if (!seen.add(id.value())) {
        d.error("DRS044", id.at(), "'" + id.value() + "' is listed twice", "remove the repeat");
      }
    }
  }

  private static void nullableId(Diagnostics d, Located<String> id, String prefix) {
    if (id != null) {
      id(d, id, prefix);
    }
  }

  private static void id(Diagnostics d, Located<String> id, String prefix) {
    if (!Patterns.awsId(prefix).matcher(id.value()).matches()) {
      d.error(
          "DRS045",
          id.at(),
          "'" + id.value() + "' is not a valid " + prefix + "- id",
          "write " + prefix + "- followed by 8 or 17 lowercase hex digits, e.g. " + Patterns.idExample(prefix));
    }
  }

  private static void cidr(Diagnostics d, Located<String> cidr) {
    Optional<Ipv4Cidr> parsed = Ipv4Cidr.parse(cidr.value());
    if (parsed.isEmpty()) {
      d.error("DRS046", cidr.at(), "'" + cidr.value() + "' is not an IPv4 CIDR block", "write it like 10.10.0.0/16");
    } else if (parsed.get().prefix() < 16 || parsed.get().prefix() > 28) {
      d.error("DRS047", cidr.at(), "VPC CIDR " + cidr.value() + " has a /" + parsed.get().prefix() + " prefix", "AWS allows VPC CIDR blocks from /16 to /28");
    } else if (parsed.get().hasHostBits()) {
      d.error("DRS048", cidr.at(), "CIDR " + cidr.value() + " has host bits set", "did you mean " + parsed.get().canonical() + "?");
    }
  }
}
