package drslink.plan;

import drslink.model.AwsRegions;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Decides what the generated README tells the operator: agent installs, checks, and who runs what. */
final class GuidePlanner {
  private final Topology topology;
  private final Providers providers;
  private final StagingPlacement placement;

  GuidePlanner(Topology topology, Providers providers, StagingPlacement placement) {
    this.topology = topology;
    this.providers = providers;
    this.placement = placement;
  }

  Guide plan(List<Guide.RegionGuide> regions, List<String> links, List<Guide.Link> linkEdges, List<Section> sections) {
    return new Guide(regions, installs(), links, linkEdges, accountDuties(sections), withoutFailback(), crossAccount(sections));
  }

  private List<Guide.AgentInstall> installs() {
    TreeSet<String> seen = new TreeSet<>();
    List<Guide.AgentInstall> installs = new ArrayList<>();
    List<Replication> replications = topology.replications().stream().sorted(Comparator.comparing(Replication::nameValue)).toList();
    for (Replication r : replications) {
      Vpc target = topology.vpc(r.target().value()).orElseThrow();
      String region = target.region();
      Partition partition = AwsRegions.partition(region);
      String hub = placement.endpointVpc(region).orElseThrow().nameValue();
      for (String sourceName : r.sourceNames()) {
        if (!seen.add(sourceName + "|" + region)) {
          continue;
        }
        Vpc source = topology.vpc(sourceName).orElseThrow();
        String bucketHost = "aws-elastic-disaster-recovery-" + region + "." + partition.serviceHostname(region, "s3");
        installs.add(
            new Guide.AgentInstall(
                sourceName,
                source.region(),
                region,
                hub,
                partition.serviceHostname(region, "drs"),
                partition.serviceHostname(region, "s3"),
                "https://" + bucketHost + "/latest/linux/aws-replication-installer-init",
                "https://" + bucketHost + "/latest/windows/AwsReplicationWindowsInstaller.exe"));
      }
    }
    installs.sort(Comparator.comparing(Guide.AgentInstall::sourceVpc).thenComparing(Guide.AgentInstall::targetRegion));
    return installs;
  }

  /** With several accounts: which account's credentials apply which modules. */
  private List<String> accountDuties(List<Section> sections) {
    if (topology.accounts().size() < 2) {
      return List.of();
    }
    Map<String, TreeSet<String>> byProvider = new TreeMap<>();
    for (Section section : sections) {
      for (ModuleCall m : section.modules()) {
        for (Map.Entry<String, String> p : m.providers()) {
          byProvider.computeIfAbsent(p.getValue(), k -> new TreeSet<>()).add("module." + m.label());
        }
      }
    }
    List<String> duties = new ArrayList<>();
    for (ProviderConfig p : providers.all()) {
      TreeSet<String> modules = byProvider.getOrDefault(p.reference(), new TreeSet<>());
      String credentials = p.roleArn() != null ? "assumes " + p.roleArn() : "uses the pipeline's own credentials";
      duties.add(
          "`" + p.reference() + "`: account " + p.accountName() + " (" + p.accountId() + "), " + p.region() + ", " + credentials
              + (modules.isEmpty() ? "; reads VPCs only." : "; runs " + String.join(", ", modules) + "."));
    }
    return duties;
  }

  private List<String> withoutFailback() {
    return topology.replications().stream().filter(r -> !r.failbackEnabled()).map(Replication::nameValue).sorted().toList();
  }

  private static boolean crossAccount(List<Section> sections) {
    return sections.stream()
        .flatMap(s -> s.modules().stream())
        .anyMatch(m -> m.arguments().stream().anyMatch(a -> a.name().equals("cross_account")));
  }
}
