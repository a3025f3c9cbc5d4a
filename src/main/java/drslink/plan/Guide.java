package drslink.plan;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the generated README explains, decided by the planner. */
public record Guide(
    List<RegionGuide> regions,
    List<TemplateGuide> templates,
    List<DrsInitialization> initializations,
    List<AgentInstall> installs,
    List<String> links,
    List<Link> linkEdges,
    List<String> accountDuties,
    List<String> replicationsWithoutFailback,
    boolean usesCrossAccountAssociations,
    List<Network> networks,
    List<RecoveryLaunch> recoveries) {

  public Guide {
    regions = List.copyOf(regions);
    templates = List.copyOf(templates);
    initializations = List.copyOf(initializations);
    installs = List.copyOf(installs);
    links = List.copyOf(links);
    linkEdges = List.copyOf(linkEdges);
    accountDuties = List.copyOf(accountDuties);
    replicationsWithoutFailback = List.copyOf(replicationsWithoutFailback);
    networks = List.copyOf(networks);
    recoveries = List.copyOf(recoveries);
  }

  /**
   * Where one replication's recovery instances launch. DRS launches each source server where its own EC2 launch
   * template says, and creates that template when the server's agent registers
   * (https://docs.aws.amazon.com/drs/latest/userguide/launching-target-servers.html), so these are per-server
   * commands, not Terraform. {@code subnet} is null when the topology gives no {@code recovery_subnet_id}: DRS
   * then uses the default subnet. {@code drsGroupKey}: the key of the recovery_security_groups output when
   * drslink builds a recovery group in the target (failback to on-premises), else null. {@code failbackTo}: with
   * failback, the (account, region) of each VPC source, by source name, where its failback is launched.
   */
  public record RecoveryLaunch(
      String replication,
      String targetVpc,
      String region,
      ProviderConfig provider,
      List<String> sources,
      String subnet,
      List<String> securityGroups,
      String drsGroupKey,
      Map<String, ProviderConfig> failbackTo) {
    public RecoveryLaunch {
      sources = List.copyOf(sources);
      securityGroups = List.copyOf(securityGroups);
      failbackTo = Collections.unmodifiableMap(new TreeMap<>(failbackTo));
    }
  }

  /** An on-premises network, drawn outside the regions; {@code dns} is the YAML word. */
  public record Network(String name, List<String> cidrs, String dns) {
    public Network {
      cidrs = List.copyOf(cidrs);
    }
  }

  /** A connectivity entry as an edge of the diagram; {@code type} is the YAML word. */
  public record Link(String from, String to, String type) {}

  /**
   * One region that receives replication (or failback): where its endpoints are and who resolves through its
   * zones. {@code associationRoles}: each VPC associated with the zones besides {@code zoneVpc}, and why
   * ("source of a, b; failback of c").
   */
  public record RegionGuide(
      String region,
      String endpointVpc,
      String zoneVpc,
      List<String> zoneNames,
      Map<String, String> associationRoles,
      List<String> httpsCidrs,
      Map<String, List<String>> replicationCidrsByStagingVpc,
      boolean failbackOnly,
      boolean privateStaging,
      List<String> reusedStagingEndpoints) {
    public RegionGuide {
      reusedStagingEndpoints = List.copyOf(reusedStagingEndpoints);
      zoneNames = List.copyOf(zoneNames);
      associationRoles = Collections.unmodifiableMap(new TreeMap<>(associationRoles));
      httpsCidrs = List.copyOf(httpsCidrs);
      replicationCidrsByStagingVpc = Collections.unmodifiableMap(new TreeMap<>(replicationCidrsByStagingVpc));
    }

    /** The VPCs associated with the zones besides the one they are created with, sorted by name. */
    public List<String> associatedVpcs() {
      return List.copyOf(associationRoles.keySet());
    }
  }

  /**
   * How servers in one source install the agent for one target region, and what to check. {@code source} is a
   * VPC, or an on-premises network when {@code onPremises} is set (then {@code sourceRegion} is null).
   * {@code registrar} is set when the source's account is not the one that owns the staging area: the agent
   * must be installed with that account's credentials. {@code sourceAccount}: the source VPC's provider (null
   * on-premises). {@code instanceProfile} and {@code installationRoleArn}: what drslink creates for a
   * registrar's installs (AgentRolePlanner), null where it creates nothing.
   */
  public record AgentInstall(
      String source,
      ProviderConfig sourceAccount,
      String instanceProfile,
      String installationRoleArn,
      String sourceRegion,
      String targetRegion,
      String endpointVpc,
      String drsHost,
      String s3Host,
      String linuxInstallerUrl,
      String windowsInstallerUrl,
      ProviderConfig registrar,
      OnPremInstall onPremises) {}

  /**
   * An on-premises source: {@code resolver} when its DNS servers forward the zones to an inbound endpoint,
   * else the installer flags come from the root outputs named here. {@code recoveryGroupKey}: the key of the
   * recovery instances' security group in the recovery_security_groups output, null without failback.
   */
  public record OnPremInstall(boolean resolver, String drsEndpointOutput, String s3EndpointOutput, String resolverOutput, List<String> cidrs, String recoveryGroupKey) {
    public OnPremInstall {
      cidrs = List.copyOf(cidrs);
    }
  }

  /**
   * The DRS template of one (account, region). {@code module} is null with {@code manage_template: false};
   * {@code groupKey} is the staging VPC's key in the replication_security_groups output.
   */
  public record TemplateGuide(
      ProviderConfig provider,
      String module,
      String existingTemplateId,
      String stagingVpc,
      String stagingSubnet,
      String groupKey,
      String instanceType,
      String ebsEncryption,
      String ebsEncryptionKeyArn,
      long bandwidthThrottling,
      int pitRetentionDays,
      List<OtherTarget> otherTargets,
      List<String> replications,
      List<String> failbacks) {
    public TemplateGuide {
      otherTargets = List.copyOf(otherTargets);
      replications = List.copyOf(replications);
      failbacks = List.copyOf(failbacks);
    }
  }

  /** A target VPC whose servers need per-server settings, because the template names another staging subnet. */
  public record OtherTarget(String vpc, String stagingSubnet, String groupKey) {}

  /** An (account, region) where DRS must be initialized before apply: a template site. */
  public record DrsInitialization(ProviderConfig provider, boolean failbackOnly) {}
}
