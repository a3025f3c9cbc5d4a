package drslink.plan;

import drslink.model.AwsRegions;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.Labels;
import drslink.model.derived.ReplicationModel;
import drslink.util.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Decides what the generated README tells the operator: agent installs, checks, and who runs what. */
final class GuidePlanner {
  private final Topology topology;
  private final Providers providers;
  private final ReplicationModel model;

  GuidePlanner(ReplicationModel model, Providers providers) {
    this.topology = model.topology();
    this.providers = providers;
    this.model = model;
  }

  Guide plan(
      List<Guide.RegionGuide> regions,
      List<TemplatePlanner.TemplatePlan> templates,
      AgentRolePlanner.AgentRoles agentRoles,
      List<String> links,
      List<Guide.Link> linkEdges,
      List<Section> sections) {
    return new Guide(
        regions,
        templates.stream().map(GuidePlanner::template).toList(),
        templates.stream().map(t -> new Guide.DrsInitialization(t.provider(), t.site().replications().isEmpty())).toList(),
        installs(templates, agentRoles),
        links,
        linkEdges,
        accountDuties(sections),
        withoutFailback(),
        crossAccount(sections),
        topology.onPremises().stream()
            .sorted(Order.by(OnPremNetwork::nameValue))
            .map(n -> new Guide.Network(n.nameValue(), n.cidrValues(), n.dnsMode()))
            .toList(),
        recoveries());
  }

  /** With failback: each VPC source in another region, and the provider of its own (account, region). */
  private Map<String, ProviderConfig> failbackTo(Replication r, Vpc target) {
    Map<String, ProviderConfig> out = new TreeMap<>();
    if (r.failbackEnabled()) {
      r.sourceNames().stream().map(topology::vpc).flatMap(Optional::stream).filter(v -> !v.region().equals(target.region())).forEach(v -> out.put(v.nameValue(), providers.of(v)));
    }
    return out;
  }

  /** Per replication, in name order: where its recovery instances launch (recovery_subnet_id). */
  private List<Guide.RecoveryLaunch> recoveries() {
    return topology.replications().stream()
        .sorted(Order.by(Replication::nameValue))
        .map(
            r -> {
              Vpc target = topology.vpc(r.target().value()).orElseThrow();
              boolean onPremFailback = r.failbackEnabled() && r.sourceNames().stream().anyMatch(n -> topology.onPremises(n).isPresent());
              return new Guide.RecoveryLaunch(
                  r.nameValue(),
                  target.nameValue(),
                  target.region(),
                  providers.of(target),
                  r.sourceNames(),
                  r.recoverySubnetId() == null ? null : r.recoverySubnetId().value(),
                  r.recoverySecurityGroupIds().stream().map(l -> l.value()).toList(),
                  onPremFailback ? Labels.of(target.nameValue()) : null,
                  failbackTo(r, target));
            })
        .toList();
  }

  private static Guide.TemplateGuide template(TemplatePlanner.TemplatePlan t) {
    ReplicationSettings s = t.settings();
    Vpc staging = t.site().stagingVpc();
    return new Guide.TemplateGuide(
        t.provider(),
        t.module() == null ? null : "module." + t.module().label(),
        s.existingTemplateIdValue(),
        staging.nameValue(),
        staging.stagingSubnetId().value(),
        Labels.of(staging.nameValue()),
        s.replicationServerInstanceType().value(),
        s.ebsEncryption().value(),
        s.ebsEncryptionKeyArn() == null ? null : s.ebsEncryptionKeyArn().value(),
        s.bandwidthThrottling().value(),
        s.pitRetentionDays().value(),
        t.site().otherTargets().stream().map(v -> new Guide.OtherTarget(v.nameValue(), v.stagingSubnetId().value(), Labels.of(v.nameValue()))).toList(),
        t.site().replications().stream().map(Replication::nameValue).toList(),
        t.site().failbacks().stream().map(Replication::nameValue).toList());
  }

  private List<Guide.AgentInstall> installs(List<TemplatePlanner.TemplatePlan> templates, AgentRolePlanner.AgentRoles agentRoles) {
    TreeSet<String> seen = new TreeSet<>();
    List<Guide.AgentInstall> installs = new ArrayList<>();
    List<Replication> replications = topology.replications().stream().sorted(Order.by(Replication::nameValue)).toList();
    for (Replication r : replications) {
      Vpc target = topology.vpc(r.target().value()).orElseThrow();
      String region = target.region();
      Partition partition = AwsRegions.partition(region);
      String hub = model.hub(region).orElseThrow().vpc().nameValue();
      for (String sourceName : r.sourceNames()) {
        if (!seen.add(sourceName + "|" + region)) {
          continue;
        }
        String bucketHost = "aws-elastic-disaster-recovery-" + region + "." + partition.serviceHostname(region, "s3");
        Optional<Vpc> source = topology.vpc(sourceName);
        OnPremNetwork network = source.isPresent() ? null : topology.onPremises(sourceName).orElseThrow();
        ProviderConfig registrar = registrar(templates, source.map(providers::of), target);
        ProviderConfig sourceAccount = source.map(providers::of).orElse(null);
        AgentRolePlanner.AccountRoles profile = sourceAccount == null || registrar == null ? null : agentRoles.byAccount().get(sourceAccount.accountName());
        AgentRolePlanner.AccountRoles installation = sourceAccount == null || registrar == null ? null : agentRoles.byAccount().get(registrar.accountName());
        installs.add(
            new Guide.AgentInstall(
                sourceName,
                sourceAccount,
                profile == null ? null : profile.instanceProfile(),
                installation == null || installation.installationRole() == null
                    ? null
                    : "arn:" + AgentRolePlanner.partition(registrar) + ":iam::" + registrar.accountId() + ":role/" + installation.installationRole(),
                source.map(Vpc::region).orElse(null),
                region,
                hub,
                partition.serviceHostname(region, "drs"),
                partition.serviceHostname(region, "s3"),
                "https://" + bucketHost + "/latest/linux/aws-replication-installer-init",
                "https://" + bucketHost + "/latest/windows/AwsReplicationWindowsInstaller.exe",
                registrar,
                network == null
                    ? null
                    : new Guide.OnPremInstall(
                        network.usesResolver(),
                        OutputPlanner.drsInstallerOutput(region),
                        OutputPlanner.s3InstallerOutput(region),
                        OutputPlanner.RESOLVER_OUTPUT,
                        network.cidrValues(),
                        r.failbackEnabled() ? Labels.of(target.nameValue()) : null)));
      }
    }
    installs.sort(Order.then(Order.by(Guide.AgentInstall::source), Order.by(Guide.AgentInstall::targetRegion)));
    return installs;
  }

  /**
   * The provider of the account that owns the target's staging area, when it is not the source's account (or
   * the source is on-premises and the topology names accounts): the
   * installer registers a server in the account of the credentials it runs with, on EC2 the instance role's
   * (https://aws.amazon.com/blogs/storage/securely-installing-aws-replication-agent-using-aws-sts/).
   */
  private static ProviderConfig registrar(List<TemplatePlanner.TemplatePlan> templates, Optional<ProviderConfig> source, Vpc target) {
    ProviderConfig staging = AgentRolePlanner.stagingProvider(templates, target).orElseThrow();
    if (source.isEmpty()) {
      // An on-premises server has no instance role: it always installs with explicit credentials.
      return staging.accountName() == null ? null : staging;
    }
    return Objects.equals(staging.accountName(), source.get().accountName()) ? null : staging;
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
          byProvider.computeIfAbsent(p.getValue(), k -> new TreeSet<>()).add("module." + m.call());
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
