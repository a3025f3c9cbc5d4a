package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/** The DRS replication settings AWS accepts (shared/spec/domain.md section 4). */
final class SettingsRule implements Rule {
  static final List<String> ENCRYPTIONS = List.of("DEFAULT", "CUSTOM");

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    for (Replication r : t.replications()) {
      ReplicationSettings s = r.settings();
      if (s == null) {
        continue;
      }
      // Length first: the pattern (shared with the JSON Schema) backtracks polynomially, and a 100 KB
      // "t111...1." took minutes. Real instance types are under 32 characters.
      String type = s.replicationServerInstanceType().value();
      if (type.length() > 64 || !Patterns.INSTANCE_TYPE.matcher(type).matches()) {
        d.error("DRS090", s.replicationServerInstanceType().at(), "'" + s.replicationServerInstanceType().value() + "' is not an EC2 instance type", "write it like t3.small");
      }
      String encryption = s.ebsEncryption().value();
      if (!ENCRYPTIONS.contains(encryption)) {
        d.error("DRS091", s.ebsEncryption().at(), "ebs_encryption must be DEFAULT or CUSTOM, found '" + encryption + "'", "use DEFAULT (the account's EBS key) or CUSTOM with ebs_encryption_key_arn");
      } else if (encryption.equals("CUSTOM") && s.ebsEncryptionKeyArn() == null) {
        d.error("DRS092", s.ebsEncryption().at(), "ebs_encryption: CUSTOM needs ebs_encryption_key_arn", "add ebs_encryption_key_arn: arn:aws:kms:<target-region>:<account>:key/<key-id>");
      } else if (encryption.equals("DEFAULT") && s.ebsEncryptionKeyArn() != null) {
        d.error("DRS093", s.ebsEncryptionKeyArn().at(), "ebs_encryption_key_arn is only used with ebs_encryption: CUSTOM", "set ebs_encryption: CUSTOM, or remove the key ARN");
      }
      if (s.ebsEncryptionKeyArn() != null) {
        keyArn(t, r, s, d);
      }
      if (s.bandwidthThrottling().value() < 0) {
        d.error("DRS094", s.bandwidthThrottling().at(), "bandwidth_throttling must be 0 (unlimited) or more Mbps", "use 0 for no limit");
      }
      int days = s.pitRetentionDays().value();
      if (days < 1 || days > 365) {
        d.error("DRS095", s.pitRetentionDays().at(), "pit_retention_days must be between 1 and 365, found " + days, "AWS keeps daily recovery points for 1 to 365 days; 7 is the console default");
      }
    }
  }

  private static void keyArn(Topology t, Replication r, ReplicationSettings s, Diagnostics d) {
    Matcher m = Patterns.KMS_KEY_ARN.matcher(s.ebsEncryptionKeyArn().value());
    if (!m.matches()) {
      d.error("DRS096", s.ebsEncryptionKeyArn().at(), "'" + s.ebsEncryptionKeyArn().value() + "' is not a KMS key ARN", "write arn:aws:kms:<region>:<account>:key/<key-id>");
      return;
    }
    Optional<Vpc> target = t.vpc(r.target().value());
    if (target.isPresent() && !m.group(2).equals(target.get().region())) {
      d.error(
          "DRS097",
          s.ebsEncryptionKeyArn().at(),
          "the KMS key is in " + m.group(2) + " but the staging disks are created in " + target.get().region(),
          "use a key (or a multi-Region replica) in " + target.get().region());
    }
  }
}
