package drslink.plan;

import drslink.model.DrsTemplateSites;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Vpc;
import drslink.model.derived.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One DRS replication configuration template per (account, region) that receives replication or failback
 * ({@link DrsTemplateSites}): the staging subnet, drslink's 1500 security group, PRIVATE_IP data routing and
 * no public IP, so every new source server there replicates privately by default. {@code existing_template_id}
 * adopts the region's template with an import block; {@code manage_template: false} renders none.
 */
final class TemplatePlanner {
  static final String RESOURCE = "aws_drs_replication_configuration_template.this";
  static final String MODULE = "drs-replication-settings";

  /** What the planner decided for one site; {@code module} is null when the template is managed by hand. */
  record TemplatePlan(DrsTemplateSites.Site site, ProviderConfig provider, ReplicationSettings settings, ModuleCall module, String replicationGroupOutput) {}

  private final Providers providers;

  TemplatePlanner(Providers providers) {
    this.providers = providers;
  }

  TemplatePlan plan(DrsTemplateSites.Site site) {
    Vpc staging = site.stagingVpc();
    ProviderConfig provider = providers.of(staging);
    ReplicationSettings s = site.settings();
    String groupOutput = "module." + Labels.of("replication_sg", staging.nameValue()) + ".security_group_id";
    if (!s.managed()) {
      return new TemplatePlan(site, provider, s, null, groupOutput);
    }
    String label = label(provider);
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("staging_subnet_id", Hcl.str(staging.stagingSubnetId().value())));
    arguments.add(new Argument("security_group_ids", new Hcl.ListOf(List.of(Hcl.ref(groupOutput)))));
    arguments.add(new Argument("replication_server_instance_type", Hcl.str(s.replicationServerInstanceType().value())));
    arguments.add(new Argument("ebs_encryption", Hcl.str(s.ebsEncryption().value())));
    if (s.ebsEncryptionKeyArn() != null) {
      arguments.add(new Argument("ebs_encryption_key_arn", Hcl.str(s.ebsEncryptionKeyArn().value())));
    }
    arguments.add(new Argument("bandwidth_throttling", new Hcl.Num(s.bandwidthThrottling().value())));
    arguments.add(new Argument("pit_retention_days", new Hcl.Num(s.pitRetentionDays().value())));
    // Staging VPC names match [a-z][a-z0-9-]*, so quoting needs no escaping.
    arguments.add(new Argument("staging_area_tags", Hcl.ref("merge(local.tags, { DrslinkStagingVpc = \"" + staging.nameValue() + "\" })")));
    arguments.add(EndpointPlanner.tags());
    String adopted = s.existingTemplateIdValue() == null ? "" : " Adopts " + s.existingTemplateIdValue() + ", the template the region already has.";
    ModuleCall module =
        new ModuleCall(
            label,
            MODULE,
            "The DRS default for every new source server in " + site.region() + (provider.accountName() == null ? "" : " (account " + provider.accountName() + ")")
                + ": data to the staging subnet of " + staging.nameValue() + " over private IPs, no public IPs." + adopted,
            site.region(),
            provider.accountName(),
            List.of(Map.entry("aws", provider.reference())),
            arguments,
            List.of(
                new PlannedResource(
                    provider.region(),
                    provider.accountName(),
                    "module." + label + "." + RESOURCE,
                    "aws_drs_replication_configuration_template",
                    (s.existingTemplateIdValue() == null ? "" : "adopt " + s.existingTemplateIdValue() + ": ")
                        + "PRIVATE_IP data routing into " + staging.stagingSubnetId().value() + " (" + staging.nameValue() + "), "
                        + s.replicationServerInstanceType().value() + ", daily points kept " + s.pitRetentionDays().value() + " days")));
    return new TemplatePlan(site, provider, s, module, groupOutput);
  }

  /** Adopting the region's existing template: an import block (Terraform and OpenTofu 1.5 and later). */
  List<ImportBlock> imports(TemplatePlan plan) {
    String id = plan.settings().existingTemplateIdValue();
    if (plan.module() == null || id == null) {
      return List.of();
    }
    return List.of(new ImportBlock(plan.module().output(RESOURCE), id, "The template " + plan.site().region() + " already has, adopted instead of creating a second one."));
  }

  /**
   * drslink 0.1.0 named a template after the one replication whose settings made it; the site's template
   * takes that address over, so a deployed template is moved, not destroyed and created again.
   */
  List<MovedBlock> moved(TemplatePlan plan) {
    // An adopted template arrives through its import block; a move into the same address would compete.
    if (plan.module() == null || plan.settings().existingTemplateIdValue() != null) {
      return List.of();
    }
    List<MovedBlock> moved = new ArrayList<>();
    plan.site().settingsSource()
        .map(Replication::nameValue)
        .map(name -> "module." + Labels.of("drs_settings", name))
        .filter(from -> !from.equals("module." + plan.module().label()))
        .ifPresent(from -> moved.add(new MovedBlock(from, "module." + plan.module().label(), "drslink 0.1.0 named this template after replication " + plan.site().settingsSource().get().nameValue() + ".")));
    return moved;
  }

  static String label(ProviderConfig provider) {
    return Labels.of("drs_settings", provider.alias());
  }
}
