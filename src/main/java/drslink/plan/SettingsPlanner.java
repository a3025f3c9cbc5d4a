package drslink.plan;

import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Topology;
import drslink.model.Vpc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code settings:} becomes a DRS replication configuration template that keeps data on private IPs. */
final class SettingsPlanner {
  private final Topology topology;
  private final Providers providers;

  SettingsPlanner(Topology topology, Providers providers) {
    this.topology = topology;
    this.providers = providers;
  }

  ModuleCall plan(Replication replication) {
    ReplicationSettings s = replication.settings();
    Vpc target = topology.vpc(replication.target().value()).orElseThrow();
    ProviderConfig provider = providers.of(target);
    String label = Labels.of("drs_settings", replication.nameValue());
    List<Argument> arguments = new ArrayList<>();
    arguments.add(new Argument("staging_subnet_id", Hcl.str(target.stagingSubnetId().value())));
    arguments.add(new Argument("security_group_ids", new Hcl.ListOf(List.of(Hcl.ref("module." + Labels.of("replication_sg", target.nameValue()) + ".security_group_id")))));
    arguments.add(new Argument("replication_server_instance_type", Hcl.str(s.replicationServerInstanceType().value())));
    arguments.add(new Argument("ebs_encryption", Hcl.str(s.ebsEncryption().value())));
    if (s.ebsEncryptionKeyArn() != null) {
      arguments.add(new Argument("ebs_encryption_key_arn", Hcl.str(s.ebsEncryptionKeyArn().value())));
    }
    arguments.add(new Argument("bandwidth_throttling", new Hcl.Num(s.bandwidthThrottling().value())));
    arguments.add(new Argument("pit_retention_days", new Hcl.Num(s.pitRetentionDays().value())));
    arguments.add(new Argument("staging_area_tags", Hcl.ref("merge(local.tags, { DrslinkReplication = " + quoteName(replication.nameValue()) + " })")));
    arguments.add(EndpointPlanner.tags());
    return new ModuleCall(
        label,
        "drs-replication-settings",
        "Replication settings for " + replication.nameValue() + ": data to the staging subnet of " + target.nameValue() + " over private IPs, no public IPs.",
        target.region(),
        provider.accountName(),
        List.of(Map.entry("aws", provider.reference())),
        arguments,
        List.of(
            new PlannedResource(
                provider.region(),
                provider.accountName(),
                "module." + label + ".aws_drs_replication_configuration_template.this",
                "aws_drs_replication_configuration_template",
                "PRIVATE_IP data routing into " + target.stagingSubnetId().value() + ", " + s.replicationServerInstanceType().value() + ", daily points kept " + s.pitRetentionDays().value() + " days")));
  }

  /** Replication names match [a-z][a-z0-9-]*, so quoting needs no escaping; kept explicit for the reader. */
  private static String quoteName(String name) {
    return "\"" + name + "\"";
  }
}
