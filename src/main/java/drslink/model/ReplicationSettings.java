package drslink.model;

import drslink.diag.SourceLocation;
import java.util.Objects;

/**
 * The {@code settings:} block. Absent keys are filled with the defaults below by the reader, located at
 * the block itself, so later stages never deal with missing values.
 */
public record ReplicationSettings(
    Located<String> replicationServerInstanceType,
    Located<String> ebsEncryption,
    Located<String> ebsEncryptionKeyArn,
    Located<Integer> bandwidthThrottling,
    Located<Integer> pitRetentionDays,
    Located<String> existingTemplateId,
    Located<Boolean> manageTemplate,
    SourceLocation at) {

  public static final String DEFAULT_INSTANCE_TYPE = "t3.small";
  public static final String DEFAULT_EBS_ENCRYPTION = "DEFAULT";
  public static final int DEFAULT_BANDWIDTH_THROTTLING = 0;
  public static final int DEFAULT_PIT_RETENTION_DAYS = 7;

  /** The settings a template gets when no replication into its (account, region) gives any. */
  public static ReplicationSettings defaults(SourceLocation at) {
    return new ReplicationSettings(
        new Located<>(DEFAULT_INSTANCE_TYPE, at),
        new Located<>(DEFAULT_EBS_ENCRYPTION, at),
        null,
        new Located<>(DEFAULT_BANDWIDTH_THROTTLING, at),
        new Located<>(DEFAULT_PIT_RETENTION_DAYS, at),
        null,
        null,
        at);
  }

  /** {@code manage_template: false}: drslink renders no template for this (account, region). */
  public boolean managed() {
    return manageTemplate == null || manageTemplate.value();
  }

  public String existingTemplateIdValue() {
    return existingTemplateId == null ? null : existingTemplateId.value();
  }

  /** Equal values, wherever they were written: replications sharing a template must agree on all of them. */
  public boolean sameValuesAs(ReplicationSettings o) {
    return replicationServerInstanceType.value().equals(o.replicationServerInstanceType.value())
        && ebsEncryption.value().equals(o.ebsEncryption.value())
        && Objects.equals(value(ebsEncryptionKeyArn), value(o.ebsEncryptionKeyArn))
        && bandwidthThrottling.value().equals(o.bandwidthThrottling.value())
        && pitRetentionDays.value().equals(o.pitRetentionDays.value())
        && Objects.equals(value(existingTemplateId), value(o.existingTemplateId))
        && managed() == o.managed();
  }

  private static <T> T value(Located<T> located) {
    return located == null ? null : located.value();
  }
}
