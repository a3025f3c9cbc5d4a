package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.Suggestions;
import drslink.model.AwsRegions;
import drslink.model.LinkIndex;
import drslink.model.Located;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sources and target exist, sit in different regions of one partition, are linked, and can host what is needed. */
final class ReplicationRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    List<String> vpcNames = t.vpcs().stream().map(Vpc::nameValue).toList();
    VpcIndex vpcs = new VpcIndex(t);
    LinkIndex links = new LinkIndex(t);
    StagingPlacement placement = model.placement();
    // On-premises names are OnPremisesRule's: they are sources without a VPC, and never targets.
    Set<String> onPremises = new HashSet<>(t.onPremises().stream().map(n -> n.nameValue()).toList());
    for (Replication r : t.replications()) {
      Optional<Vpc> target = onPremises.contains(r.target().value()) ? Optional.empty() : known(vpcs, r.target(), vpcNames, "target", d);
      target.ifPresent(v -> staging(r, v, d));
      Set<String> seen = new HashSet<>();
      List<Vpc> sources = new ArrayList<>();
      for (Located<String> sourceName : r.sources()) {
        if (!seen.add(sourceName.value())) {
          d.error("DRS080", sourceName.at(), "source " + sourceName.value() + " is listed twice", "remove the repeat");
          continue;
        }
        if (onPremises.contains(sourceName.value())) {
          continue;
        }
        Optional<Vpc> source = known(vpcs, sourceName, vpcNames, "source", d);
        if (source.isEmpty() || target.isEmpty()) {
          continue;
        }
        sources.add(source.get());
        pair(links, r, sourceName, source.get(), target.get(), d);
      }
      if (r.failbackEnabled()) {
        failback(t, placement, r, sources, target, d);
      }
    }
  }

  private static Optional<Vpc> known(VpcIndex vpcs, Located<String> name, List<String> vpcNames, String role, Diagnostics d) {
    Optional<Vpc> vpc = vpcs.get(name.value());
    if (vpc.isEmpty()) {
      String suggestion = Suggestions.didYouMean(name.value(), vpcNames);
      d.error("DRS081", name.at(), role + " '" + name.value() + "' is not a VPC in this file", suggestion.isEmpty() ? "use a VPC name from regions[].vpcs" : suggestion);
    }
    return vpc;
  }

  private static void staging(Replication r, Vpc target, Diagnostics d) {
    if (target.endpointSubnetIds().isEmpty()) {
      d.error(
          "DRS082",
          r.target().at(),
          "target " + target.nameValue() + " has no endpoint_subnet_ids",
          "add endpoint_subnet_ids: [subnet-..., subnet-...] (one per AZ) to VPC " + target.nameValue() + " at line " + target.at().line());
    }
    if (target.stagingSubnetId() == null) {
      d.error(
          "DRS083",
          r.target().at(),
          "target " + target.nameValue() + " has no staging_subnet_id",
          "add staging_subnet_id: subnet-... (where DRS runs replication servers) to VPC " + target.nameValue() + " at line " + target.at().line());
    }
  }

  private static void pair(LinkIndex links, Replication r, Located<String> sourceName, Vpc source, Vpc target, Diagnostics d) {
    if (source.equals(target)) {
      d.error("DRS084", sourceName.at(), "VPC " + source.nameValue() + " is both source and target", "replicate into a VPC in another region");
      return;
    }
    if (source.region().equals(target.region())) {
      d.error(
          "DRS085",
          sourceName.at(),
          "source " + source.nameValue() + " and target " + target.nameValue() + " are both in " + source.region(),
          "drslink builds cross-region replication; pick a target in another region");
      return;
    }
    Optional<Partition> sp = AwsRegions.partitionWithDrs(source.region());
    Optional<Partition> tp = AwsRegions.partitionWithDrs(target.region());
    if (sp.isPresent() && tp.isPresent() && sp.get() != tp.get()) {
      d.error(
          "DRS086",
          sourceName.at(),
          "source " + source.nameValue() + " (" + sp.get().id() + ") and target " + target.nameValue() + " (" + tp.get().id() + ") are in different AWS partitions",
          "private hosted zones and peering cannot cross partitions; replicate within one partition");
      return;
    }
    if (!links.linked(source.nameValue(), target.nameValue())) {
      d.error(
          "DRS087",
          sourceName.at(),
          "no connectivity entry links source " + source.nameValue() + " to target " + target.nameValue(),
          "add to connectivity: - { type: vpc_peering, vpcs: [" + source.nameValue() + ", " + target.nameValue() + "] } (or transit_gateway / existing)");
    }
  }

  /**
   * Failback goes back to each source server's own account and region
   * (https://docs.aws.amazon.com/drs/latest/userguide/failback-failover-cross-account.html), so every (account,
   * region) the sources come from needs a VPC there that can host the failback staging area.
   */
  private static void failback(Topology t, StagingPlacement placement, Replication r, List<Vpc> sources, Optional<Vpc> target, Diagnostics d) {
    Map<String, List<Vpc>> byAccountRegion = new LinkedHashMap<>();
    for (Vpc source : sources) {
      if (target.isPresent() && !source.region().equals(target.get().region())) {
        byAccountRegion.computeIfAbsent(source.region() + "|" + t.accountOf(source).orElse(""), k -> new ArrayList<>()).add(source);
      }
    }
    byAccountRegion.forEach(
        (key, inGroup) -> {
          Vpc first = inGroup.get(0);
          if (placement.failbackLanding(first).isPresent()) {
            return;
          }
          String region = first.region();
          Optional<String> account = t.accountOf(first);
          String names = String.join(", ", inGroup.stream().map(Vpc::nameValue).toList());
          if (account.isEmpty() || t.accounts().size() < 2) {
            d.error(
                "DRS088",
                r.failback().at(),
                "failback: true needs a source VPC in " + region + " with endpoint_subnet_ids and staging_subnet_id; none of " + names + " has both",
                "add endpoint_subnet_ids and staging_subnet_id to one of them (failback endpoints and staging live there), or set failback: false");
          } else {
            d.error(
                "DRS088",
                r.failback().at(),
                "failback: true needs a VPC of account " + account.get() + " in " + region + " with endpoint_subnet_ids and staging_subnet_id (DRS fails back into the source's own account and region); none of "
                    + names + " has both",
                "add endpoint_subnet_ids and staging_subnet_id to VPC " + first.nameValue() + " at line " + first.at().line() + " (the failback staging area and DRS template of account "
                    + account.get() + " go there), or set failback: false");
          }
        });
  }
}
