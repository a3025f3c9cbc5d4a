package drslink.plan;

import drslink.model.AwsRegions;
import drslink.model.Connectivity;
import drslink.model.DrsTemplateSites;
import drslink.model.ExistingLink;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.ReplicationSource;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import drslink.model.derived.Labels;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The guide's contributors, one per part of {@link Guide}, each reading only the finished plan and the model. */
final class GuideContributors {
  private GuideContributors() {}

  /** Per receiving region, in the model's order: where its endpoints are and who resolves through its zones. */
  static final class Regions implements GuideContributor<List<Guide.RegionGuide>> {
    @Override
    public List<Guide.RegionGuide> contribute(GuideSource source) {
      return source.model().hubs().values().stream().map(Regions::region).toList();
    }

    private static Guide.RegionGuide region(ReplicationModel.Hub hub) {
      // Why each VPC resolves through the zones: role -> replication names, per VPC.
      Map<String, Map<String, TreeSet<String>>> roles = new TreeMap<>();
      for (ReplicationModel.Flow flow : hub.flows()) {
        String replication = flow.replication().nameValue();
        if (flow.failback()) {
          addRole(roles, flow.from(), "failback of", replication);
          addRole(roles, flow.staging(), "failback landing of", replication);
        } else {
          addRole(roles, flow.from(), "source of", replication);
          addRole(roles, flow.staging(), "target of", replication);
        }
      }
      return new Guide.RegionGuide(
          hub.region(),
          hub.vpc().nameValue(),
          hub.zoneHome().nameValue(),
          List.of(hub.zoneName("drs"), hub.zoneName("s3")),
          describeRoles(roles, hub.associations().keySet()),
          hub.httpsCidrs(),
          hub.replicationCidrs(),
          hub.failbackOnly(),
          hub.vpc().isStagingPrivate(),
          reusedStagingEndpoints(hub.vpc()));
    }

    /** existing_staging_endpoints, as the README names them: "the EC2 interface endpoint `vpce-...`". */
    private static List<String> reusedStagingEndpoints(drslink.model.Vpc vpc) {
      List<String> out = new ArrayList<>();
      if (vpc.reusedEc2Endpoint() != null) {
        out.add("the EC2 interface endpoint `" + vpc.reusedEc2Endpoint() + "` (its security group must admit TCP 443 from the staging subnet)");
      }
      if (vpc.reusedS3GatewayEndpoint() != null) {
        out.add("the S3 gateway endpoint `" + vpc.reusedS3GatewayEndpoint() + "`");
      }
      return out;
    }

    private static void addRole(Map<String, Map<String, TreeSet<String>>> roles, ReplicationSource vpc, String role, String replication) {
      // LinkedHashMap: roles print in the order first met, which the model's flow order makes deterministic.
      roles.computeIfAbsent(vpc.nameValue(), k -> new LinkedHashMap<>()).computeIfAbsent(role, k -> new TreeSet<>()).add(replication);
    }

    /** "source of a, b; failback of c" for each associated VPC. */
    private static Map<String, String> describeRoles(Map<String, Map<String, TreeSet<String>>> roles, Iterable<String> vpcs) {
      Map<String, String> out = new TreeMap<>();
      for (String vpc : vpcs) {
        List<String> parts = new ArrayList<>();
        roles.getOrDefault(vpc, Map.of()).forEach((role, replications) -> parts.add(role + " " + String.join(", ", replications)));
        out.put(vpc, String.join("; ", parts));
      }
      return out;
    }
  }

  /** The DRS template of each (account, region), in the model's order. */
  static final class Templates implements GuideContributor<List<Guide.TemplateGuide>> {
    @Override
    public List<Guide.TemplateGuide> contribute(GuideSource source) {
      return source.model().templateSites().stream().map(site -> template(source, site)).toList();
    }

    private static Guide.TemplateGuide template(GuideSource source, DrsTemplateSites.Site site) {
      ReplicationSettings s = site.settings();
      Vpc staging = site.stagingVpc();
      return new Guide.TemplateGuide(
          source.providerOf(staging),
          source.templateModule(site).map(m -> "module." + m.label()).orElse(null),
          s.existingTemplateIdValue(),
          staging.nameValue(),
          staging.stagingSubnetId().value(),
          Labels.of(staging.nameValue()),
          s.replicationServerInstanceType().value(),
          s.ebsEncryption().value(),
          s.ebsEncryptionKeyArn() == null ? null : s.ebsEncryptionKeyArn().value(),
          s.bandwidthThrottling().value(),
          s.pitRetentionDays().value(),
          site.otherTargets().stream().map(v -> new Guide.OtherTarget(v.nameValue(), v.stagingSubnetId().value(), Labels.of(v.nameValue()))).toList(),
          site.replications().stream().map(Replication::nameValue).toList(),
          site.failbacks().stream().map(Replication::nameValue).toList());
    }
  }

  /** Each template site, where DRS must be initialized before apply. */
  static final class Initializations implements GuideContributor<List<Guide.DrsInitialization>> {
    @Override
    public List<Guide.DrsInitialization> contribute(GuideSource source) {
      return source.model().templateSites().stream().map(site -> new Guide.DrsInitialization(source.providerOf(site.stagingVpc()), site.replications().isEmpty())).toList();
    }
  }

  /** How each source installs the agent for each target region, by source and region. */
  static final class Installs implements GuideContributor<List<Guide.AgentInstall>> {
    @Override
    public List<Guide.AgentInstall> contribute(GuideSource source) {
      Topology topology = source.topology();
      TreeSet<String> seen = new TreeSet<>();
      List<Guide.AgentInstall> installs = new ArrayList<>();
      for (Replication r : topology.replications().stream().sorted(Comparator.comparing(Replication::nameValue)).toList()) {
        Vpc target = topology.vpc(r.target().value()).orElseThrow();
        String region = target.region();
        Partition partition = AwsRegions.partition(region);
        String hub = source.model().hub(region).orElseThrow().vpc().nameValue();
        for (String sourceName : r.sourceNames()) {
          if (!seen.add(sourceName + "|" + region)) {
            continue;
          }
          String bucketHost = "aws-elastic-disaster-recovery-" + region + "." + partition.serviceHostname(region, "s3");
          Optional<Vpc> vpc = topology.vpc(sourceName);
          OnPremNetwork network = vpc.isPresent() ? null : topology.onPremises(sourceName).orElseThrow();
          ProviderConfig registrar = registrar(source, vpc.map(source::providerOf), target);
          ProviderConfig sourceAccount = vpc.map(source::providerOf).orElse(null);
          boolean roles = sourceAccount != null && registrar != null;
          installs.add(
              new Guide.AgentInstall(
                  sourceName,
                  sourceAccount,
                  roles && source.hasModule(AgentRolePlanner.INSTANCE_PROFILE_MODULE, sourceAccount.accountName())
                      ? AgentRolePlanner.instanceProfileName(topology.name().value())
                      : null,
                  roles && source.hasModule(AgentRolePlanner.INSTALLATION_MODULE, registrar.accountName())
                      ? "arn:" + AgentRolePlanner.partition(registrar) + ":iam::" + registrar.accountId() + ":role/" + AgentRolePlanner.installationRoleName(topology.name().value())
                      : null,
                  vpc.map(Vpc::region).orElse(null),
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
      installs.sort(Comparator.comparing(Guide.AgentInstall::source).thenComparing(Guide.AgentInstall::targetRegion));
      return installs;
    }

    /**
     * The provider of the account that owns the target's staging area, when it is not the source's account (or
     * the source is on-premises and the topology names accounts): the
     * installer registers a server in the account of the credentials it runs with, on EC2 the instance role's
     * (https://aws.amazon.com/blogs/storage/securely-installing-aws-replication-agent-using-aws-sts/).
     */
    private static ProviderConfig registrar(GuideSource source, Optional<ProviderConfig> from, Vpc target) {
      ProviderConfig staging =
          source.model().templateSites().stream()
              .filter(site -> site.region().equals(target.region()))
              .filter(site -> site.stagingVpc().equals(target) || site.otherTargets().contains(target))
              .map(site -> source.providerOf(site.stagingVpc()))
              .findFirst()
              .orElseThrow();
      if (from.isEmpty()) {
        // An on-premises server has no instance role: it always installs with explicit credentials.
        return staging.accountName() == null ? null : staging;
      }
      return Objects.equals(staging.accountName(), from.get().accountName()) ? null : staging;
    }
  }

  /** A sentence per connectivity entry, in the planner's order of links. */
  static final class Links implements GuideContributor<List<String>> {
    @Override
    public List<String> contribute(GuideSource source) {
      return Planner.links(source.topology()).stream().map(link -> describe(source, link)).toList();
    }

    private static String describe(GuideSource source, Connectivity link) {
      String a = link.vpcs().get(0).value();
      String b = link.vpcs().get(1).value();
      if (link instanceof VpcPeering) {
        return a + " <-> " + b + ": VPC peering created by drslink (" + a + " requests, " + b + " accepts), with routes both ways.";
      }
      if (link instanceof TransitGatewayLink tgw) {
        ModuleCall pair = source.pairPeering(tgw.gatewayPair().orElseThrow());
        return a + " <-> " + b + ": over the transit gateway peering " + text(pair, "requester_transit_gateway_id") + " (" + pair.region() + ") <-> " + text(pair, "accepter_transit_gateway_id") + " (" + text(pair, "accepter_region")
            + "), one per pair of transit gateways and created by drslink, associated with both transit gateway route tables, with static routes in them to every linked VPC; VPC routes through the gateways.";
      }
      if (link instanceof ExistingLink && (source.topology().onPremises(a).isPresent() || source.topology().onPremises(b).isPresent())) {
        return a + " <-> " + b + ": Direct Connect or VPN managed outside this configuration; drslink relies on it for TCP 443 and 1500 and on its allowed prefixes carrying the VPC's CIDR.";
      }
      if (link instanceof ExistingLink) {
        return a + " <-> " + b + ": existing link managed outside this configuration; drslink relies on it for TCP 443 and 1500.";
      }
      throw new AssertionError(link);
    }

    /** A string argument the planner gave a module. */
    private static String text(ModuleCall module, String argument) {
      return module.arguments().stream().filter(x -> x.name().equals(argument)).map(x -> ((Hcl.Str) x.value()).value()).findFirst().orElseThrow();
    }
  }

  /** Each connectivity entry as an edge of the diagram, in the planner's order of links. */
  static final class LinkEdges implements GuideContributor<List<Guide.Link>> {
    @Override
    public List<Guide.Link> contribute(GuideSource source) {
      return Planner.links(source.topology()).stream().map(l -> new Guide.Link(l.vpcs().get(0).value(), l.vpcs().get(1).value(), l.type())).toList();
    }
  }

  /** With several accounts: which account's credentials apply which modules. */
  static final class AccountDuties implements GuideContributor<List<String>> {
    @Override
    public List<String> contribute(GuideSource source) {
      if (source.topology().accounts().size() < 2) {
        return List.of();
      }
      Map<String, TreeSet<String>> byProvider = new TreeMap<>();
      for (ModuleCall m : source.plan().modules()) {
        for (Map.Entry<String, String> p : m.providers()) {
          byProvider.computeIfAbsent(p.getValue(), k -> new TreeSet<>()).add("module." + m.call());
        }
      }
      List<String> duties = new ArrayList<>();
      for (ProviderConfig p : source.plan().providers()) {
        TreeSet<String> modules = byProvider.getOrDefault(p.reference(), new TreeSet<>());
        String credentials = p.roleArn() != null ? "assumes " + p.roleArn() : "uses the pipeline's own credentials";
        duties.add(
            "`" + p.reference() + "`: account " + p.accountName() + " (" + p.accountId() + "), " + p.region() + ", " + credentials
                + (modules.isEmpty() ? "; reads VPCs only." : "; runs " + String.join(", ", modules) + "."));
      }
      return duties;
    }
  }

  /** The replications without failback, by name. */
  static final class WithoutFailback implements GuideContributor<List<String>> {
    @Override
    public List<String> contribute(GuideSource source) {
      return source.topology().replications().stream().filter(r -> !r.failbackEnabled()).map(Replication::nameValue).sorted().toList();
    }
  }

  /** Whether a zone association crosses accounts (the README then explains the authorization step). */
  static final class CrossAccountAssociations implements GuideContributor<Boolean> {
    @Override
    public Boolean contribute(GuideSource source) {
      return source.plan().modules().stream().anyMatch(m -> m.arguments().stream().anyMatch(a -> a.name().equals("cross_account")));
    }
  }

  /** The on-premises networks, by name. */
  static final class Networks implements GuideContributor<List<Guide.Network>> {
    @Override
    public List<Guide.Network> contribute(GuideSource source) {
      return source.topology().onPremises().stream()
          .sorted(Comparator.comparing(OnPremNetwork::nameValue))
          .map(n -> new Guide.Network(n.nameValue(), n.cidrValues(), n.dnsMode()))
          .toList();
    }
  }

  /** Per replication, in name order: where its recovery instances launch (recovery_subnet_id). */
  static final class Recoveries implements GuideContributor<List<Guide.RecoveryLaunch>> {
    @Override
    public List<Guide.RecoveryLaunch> contribute(GuideSource source) {
      Topology topology = source.topology();
      return topology.replications().stream()
          .sorted(Comparator.comparing(Replication::nameValue))
          .map(
              r -> {
                Vpc target = topology.vpc(r.target().value()).orElseThrow();
                boolean onPremFailback = r.failbackEnabled() && r.sourceNames().stream().anyMatch(n -> topology.onPremises(n).isPresent());
                return new Guide.RecoveryLaunch(
                    r.nameValue(),
                    target.nameValue(),
                    target.region(),
                    source.providerOf(target),
                    r.sourceNames(),
                    r.recoverySubnetId() == null ? null : r.recoverySubnetId().value(),
                    r.recoverySecurityGroupIds().stream().map(l -> l.value()).toList(),
                    onPremFailback ? Labels.of(target.nameValue()) : null,
                    failbackTo(source, r, target));
              })
          .toList();
    }

    /** With failback: each VPC source in another region, and the provider of its own (account, region). */
    private static Map<String, ProviderConfig> failbackTo(GuideSource source, Replication r, Vpc target) {
      Map<String, ProviderConfig> out = new TreeMap<>();
      if (r.failbackEnabled()) {
        r.sourceNames().stream().map(source.topology()::vpc).flatMap(Optional::stream).filter(v -> !v.region().equals(target.region())).forEach(v -> out.put(v.nameValue(), source.providerOf(v)));
      }
      return out;
    }
  }
}
