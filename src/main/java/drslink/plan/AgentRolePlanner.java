package drslink.plan;

import drslink.model.Account;
import drslink.model.AwsRegions;
import drslink.model.Replication;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plain IAM that EC2 sources replicating into another account need, so that no agent install uses the
 * pipeline's apply role:
 *
 * <ul>
 *   <li>in each source account, a role and instance profile with AWSElasticDisasterRecoveryEc2InstancePolicy: the
 *       installer's {@code --account-id} "requires an EC2 instance profile with the
 *       AWSElasticDisasterRecoveryEc2InstancePolicy policy"
 *       (https://docs.aws.amazon.com/drs/latest/userguide/installer-parameters.html);
 *   <li>in each staging account those servers register into, a role with AWSElasticDisasterRecoveryAgentInstallationPolicy
 *       that the source accounts may assume, for installs with temporary credentials: the installer registers a
 *       server in the account of its credentials (https://docs.aws.amazon.com/drs/latest/userguide/credentials.html).
 * </ul>
 *
 * The trusted-account roles DRS needs besides ({@code DRSCrossAccountAgentRole_<account>} and the others) are created
 * by DRS's console (https://docs.aws.amazon.com/drs/latest/userguide/adding-trusted-account.html): the README says so.
 * {@code accounts[].drs_agent_roles: false} keeps drslink from creating either role in that account.
 */
final class AgentRolePlanner {
  static final String INSTANCE_PROFILE_MODULE = "drs-agent-instance-profile";
  static final String INSTALLATION_MODULE = "drs-agent-installation-role";

  /** What one account gets; names are null where that role is not created. */
  record AccountRoles(ProviderConfig provider, String instanceProfile, String installationRole, List<String> trustedAccountIds) {
    AccountRoles {
      trustedAccountIds = List.copyOf(trustedAccountIds);
    }
  }

  /** The modules, and per account what they create, for the guide. */
  record AgentRoles(List<ModuleCall> modules, Map<String, AccountRoles> byAccount) {}

  private final Topology topology;
  private final Providers providers;

  AgentRolePlanner(Topology topology, Providers providers) {
    this.topology = topology;
    this.providers = providers;
  }

  /** The IAM role names: the topology name keeps two roots in one account apart (at most 40 + 18 characters). */
  static String instanceProfileName(String topologyName) {
    return topologyName + "-drs-agent-ec2";
  }

  static String installationRoleName(String topologyName) {
    return topologyName + "-drs-agent-install";
  }

  AgentRoles plan(List<TemplatePlanner.TemplatePlan> templates) {
    // source account -> its provider (first source VPC by name); staging account -> provider, trusted source ids
    Map<String, ProviderConfig> sourceAccounts = new TreeMap<>();
    Map<String, ProviderConfig> stagingAccounts = new TreeMap<>();
    Map<String, TreeSet<String>> trusted = new TreeMap<>();
    for (Replication r : topology.replications().stream().sorted(Comparator.comparing(Replication::nameValue)).toList()) {
      Vpc target = topology.vpc(r.target().value()).orElseThrow();
      Optional<ProviderConfig> staging = stagingProvider(templates, target);
      if (staging.isEmpty() || staging.get().accountName() == null) {
        continue;
      }
      for (Vpc source : r.sourceNames().stream().sorted().map(topology::vpc).flatMap(Optional::stream).toList()) {
        ProviderConfig sourceProvider = providers.of(source);
        if (Objects.equals(sourceProvider.accountName(), staging.get().accountName())) {
          continue;
        }
        sourceAccounts.merge(sourceProvider.accountName(), sourceProvider, (a, b) -> a.alias().compareTo(b.alias()) <= 0 ? a : b);
        stagingAccounts.merge(staging.get().accountName(), staging.get(), (a, b) -> a.alias().compareTo(b.alias()) <= 0 ? a : b);
        trusted.computeIfAbsent(staging.get().accountName(), k -> new TreeSet<>()).add(sourceProvider.accountId());
      }
    }
    String name = topology.name().value();
    List<ModuleCall> modules = new ArrayList<>();
    Map<String, AccountRoles> byAccount = new TreeMap<>();
    sourceAccounts.forEach(
        (account, p) -> {
          if (creates(account)) {
            modules.add(instanceProfile(p, instanceProfileName(name)));
            byAccount.put(account, new AccountRoles(p, instanceProfileName(name), null, List.of()));
          }
        });
    stagingAccounts.forEach(
        (account, p) -> {
          if (creates(account)) {
            List<String> ids = List.copyOf(trusted.get(account));
            modules.add(installationRole(p, installationRoleName(name), ids));
            AccountRoles before = byAccount.get(account);
            byAccount.put(account, new AccountRoles(p, before == null ? null : before.instanceProfile(), installationRoleName(name), ids));
          }
        });
    return new AgentRoles(modules, byAccount);
  }

  private boolean creates(String account) {
    return topology.account(account).map(Account::createsDrsAgentRoles).orElse(true);
  }

  /** The provider of the account that owns the target's staging area (the template site that covers it). */
  static Optional<ProviderConfig> stagingProvider(List<TemplatePlanner.TemplatePlan> templates, Vpc target) {
    return templates.stream()
        .filter(t -> t.site().region().equals(target.region()))
        .filter(t -> t.site().stagingVpc().equals(target) || t.site().otherTargets().contains(target))
        .map(TemplatePlanner.TemplatePlan::provider)
        .findFirst();
  }

  private static ModuleCall instanceProfile(ProviderConfig p, String name) {
    String label = Labels.of("drs_agent_profile", p.accountName());
    return new ModuleCall(
        label,
        INSTANCE_PROFILE_MODULE,
        "Account " + p.accountName() + ": the instance profile its EC2 source servers install the DRS agent with (--account-id), no keys."
            + " IAM is global; this provider only signs the calls.",
        p.region(),
        p.accountName(),
        List.of(Map.entry("aws", p.reference())),
        List.of(new Argument("name", Hcl.str(name)), new Argument("partition", Hcl.str(partition(p))), EndpointPlanner.tags()),
        List.of(
            resource(p, label, "aws_iam_role.this", "aws_iam_role", name + ": trusts ec2.amazonaws.com"),
            resource(p, label, "aws_iam_role_policy_attachment.ec2_instance_policy", "aws_iam_role_policy_attachment", "AWSElasticDisasterRecoveryEc2InstancePolicy on " + name),
            resource(p, label, "aws_iam_instance_profile.this", "aws_iam_instance_profile", name + ", for the source servers")));
  }

  private static ModuleCall installationRole(ProviderConfig p, String name, List<String> trustedIds) {
    String label = Labels.of("drs_agent_installation", p.accountName());
    return new ModuleCall(
        label,
        INSTALLATION_MODULE,
        "Account " + p.accountName() + ": the role agents of other accounts may be installed with (temporary credentials), never the apply role."
            + " IAM is global; this provider only signs the calls.",
        p.region(),
        p.accountName(),
        List.of(Map.entry("aws", p.reference())),
        List.of(
            new Argument("name", Hcl.str(name)),
            new Argument("partition", Hcl.str(partition(p))),
            new Argument("trusted_account_ids", Hcl.strings(trustedIds)),
            EndpointPlanner.tags()),
        List.of(
            resource(p, label, "aws_iam_role.this", "aws_iam_role", name + ": assumable from " + String.join(", ", trustedIds)),
            resource(p, label, "aws_iam_role_policy_attachment.agent_installation_policy", "aws_iam_role_policy_attachment", "AWSElasticDisasterRecoveryAgentInstallationPolicy on " + name)));
  }

  private static PlannedResource resource(ProviderConfig p, String label, String address, String type, String purpose) {
    return new PlannedResource(p.region(), p.accountName(), "module." + label + "." + address, type, purpose);
  }

  static String partition(ProviderConfig p) {
    return AwsRegions.partition(p.region()).id();
  }
}
