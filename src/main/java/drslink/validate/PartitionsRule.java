package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Account;
import drslink.model.AwsRegions;
import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * ARNs, accounts and links never cross AWS partitions (shared/spec/domain.md section 8, "Partitions"): an
 * {@code arn:aws-us-gov:} role cannot be assumed from an {@code aws} region's provider, a KMS key must be in
 * the target's partition, an account exists in exactly one partition, and VPC peering or transit gateway
 * peering between {@code aws} and {@code aws-us-gov} does not exist
 * (https://docs.aws.amazon.com/govcloud-us/latest/UserGuide/govcloud-differences.html).
 */
final class PartitionsRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    Map<String, List<Vpc>> byAccount = vpcsByAccount(t);
    for (Account account : t.accounts()) {
      roleArn(account, byAccount.getOrDefault(account.name().value(), List.of()), d);
    }
    byAccount.forEach((name, vpcs) -> onePartition(t, name, vpcs, d));
    keyArns(t, d);
    links(t, d);
  }

  /** VPCs by account name; "" is the pipeline's own account when the file defines none. */
  private static Map<String, List<Vpc>> vpcsByAccount(Topology t) {
    Map<String, List<Vpc>> byAccount = new LinkedHashMap<>();
    for (Vpc vpc : t.vpcs()) {
      String account = vpc.account() != null ? vpc.account().value() : t.accounts().size() == 1 ? t.accounts().get(0).name().value() : t.accounts().isEmpty() ? "" : null;
      if (account != null) {
        byAccount.computeIfAbsent(account, k -> new ArrayList<>()).add(vpc);
      }
    }
    return byAccount;
  }

  private static Optional<Partition> partition(Vpc vpc) {
    return AwsRegions.partitionWithDrs(vpc.region());
  }

  private static void roleArn(Account account, List<Vpc> vpcs, Diagnostics d) {
    if (account.roleArn() == null) {
      return;
    }
    Matcher m = Patterns.ROLE_ARN.matcher(account.roleArn().value());
    if (!m.matches()) {
      return; // DRS042
    }
    String arnPartition = m.group(1);
    vpcs.stream()
        .filter(v -> partition(v).isPresent() && !partition(v).get().id().equals(arnPartition))
        .findFirst()
        .ifPresent(
            vpc ->
                d.error(
                    "DRS119",
                    account.roleArn().at(),
                    "role_arn is in partition " + arnPartition + " but account '" + account.name().value() + "' has VPC " + vpc.nameValue() + " in " + vpc.region() + " (partition " + partition(vpc).get().id() + "); a provider cannot assume a role of another partition",
                    "use arn:" + partition(vpc).get().id() + ":iam::<account-id>:role/<role-name>"));
  }

  private static void onePartition(Topology t, String account, List<Vpc> vpcs, Diagnostics d) {
    Optional<Vpc> first = vpcs.stream().filter(v -> partition(v).isPresent()).findFirst();
    if (first.isEmpty()) {
      return;
    }
    Partition home = partition(first.get()).get();
    vpcs.stream()
        .filter(v -> partition(v).isPresent() && partition(v).get() != home)
        .findFirst()
        .ifPresent(
            vpc ->
                d.error(
                    "DRS121",
                    vpc.account() != null ? vpc.account().at() : vpc.name().at(),
                    "VPC " + vpc.nameValue() + " is in " + vpc.region() + " (partition " + partition(vpc).get().id() + ") but " + (account.isEmpty() ? "the pipeline's account" : "account '" + account + "'")
                        + " also has VPC " + first.get().nameValue() + " in " + first.get().region() + " (partition " + home.id() + "); an AWS account belongs to exactly one partition",
                    "a GovCloud account is a separate account: list it under accounts: with its own id and name it in account:"));
  }

  private static void keyArns(Topology t, Diagnostics d) {
    VpcIndex vpcs = new VpcIndex(t);
    for (Replication r : t.replications()) {
      if (r.settings() == null || r.settings().ebsEncryptionKeyArn() == null) {
        continue;
      }
      Matcher m = Patterns.KMS_KEY_ARN.matcher(r.settings().ebsEncryptionKeyArn().value());
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (!m.matches() || target.isEmpty() || partition(target.get()).isEmpty()) {
        continue; // DRS096, or the target is unknown
      }
      String targetPartition = partition(target.get()).get().id();
      if (!m.group(1).equals(targetPartition)) {
        d.error(
            "DRS120",
            r.settings().ebsEncryptionKeyArn().at(),
            "the KMS key is in partition " + m.group(1) + " but target " + target.get().nameValue() + " is in " + target.get().region() + " (partition " + targetPartition + ")",
            "use a key of " + target.get().region() + ": arn:" + targetPartition + ":kms:" + target.get().region() + ":<account>:key/<key-id>");
      }
    }
  }

  private static void links(Topology t, Diagnostics d) {
    VpcIndex vpcs = new VpcIndex(t);
    for (Connectivity link : t.connectivity()) {
      // An existing link may be a VPN between partitions; drslink builds nothing for it.
      if (link instanceof ExistingLink || link.vpcs().size() != 2) {
        continue;
      }
      Optional<Vpc> a = vpcs.get(link.vpcs().get(0).value());
      Optional<Vpc> b = vpcs.get(link.vpcs().get(1).value());
      if (a.isEmpty() || b.isEmpty() || partition(a.get()).isEmpty() || partition(b.get()).isEmpty() || partition(a.get()).get() == partition(b.get()).get()) {
        continue;
      }
      d.error(
          "DRS122",
          link.vpcs().get(1).at(),
          "a " + link.type() + " cannot join " + a.get().nameValue() + " (" + partition(a.get()).get().id() + ") and " + b.get().nameValue() + " (" + partition(b.get()).get().id() + "): AWS has no peering across partitions",
          "link VPCs of one partition; across partitions use a VPN managed elsewhere (type: existing)");
    }
  }
}
