package drslink.model;

import drslink.diag.SourceLocation;

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
    SourceLocation at) {

  public static final String DEFAULT_INSTANCE_TYPE = "t3.small";
  public static final String DEFAULT_EBS_ENCRYPTION = "DEFAULT";
  public static final int DEFAULT_BANDWIDTH_THROTTLING = 0;
  public static final int DEFAULT_PIT_RETENTION_DAYS = 7;
}
