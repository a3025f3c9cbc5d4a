package drslink.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of regions drslink knows. DRS regions come from the SDK's endpoint metadata
 * (aws/aws-sdk-go-v2 service/drs/internal/endpoints/endpoints.go; shared/spec/domain.md section 6).
 * Regions that exist but have no DRS are listed apart, so a real region gets "DRS is not offered there"
 * and a typo gets "did you mean".
 */
public final class AwsRegions {
  private static final Map<String, Partition> DRS_REGIONS = new LinkedHashMap<>();

  /** Real regions without DRS, with the reason shown to the user. */
  private static final Map<String, String> REGIONS_WITHOUT_DRS = new LinkedHashMap<>();

  /** Regions without DRS whose partition live checks still name (an account's STS, a stray place). */
  private static final Map<String, Partition> OTHER_PARTITIONS = new LinkedHashMap<>();

  static {
    for (String region :
        List.of(
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
            "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
            "ap-southeast-5", "ap-southeast-6", "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1",
            "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
            "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1", "us-east-2",
            "us-west-1", "us-west-2")) {
      DRS_REGIONS.put(region, Partition.AWS);
    }
    DRS_REGIONS.put("us-gov-east-1", Partition.AWS_US_GOV);
    DRS_REGIONS.put("us-gov-west-1", Partition.AWS_US_GOV);

    String china = "the aws-cn partition has no Elastic Disaster Recovery endpoint";
    REGIONS_WITHOUT_DRS.put("cn-north-1", china);
    REGIONS_WITHOUT_DRS.put("cn-northwest-1", china);
    OTHER_PARTITIONS.put("cn-north-1", Partition.AWS_CN);
    OTHER_PARTITIONS.put("cn-northwest-1", Partition.AWS_CN);
    String sovereign = "drslink does not support the aws-eusc partition yet (its DNS names are unconfirmed)";
    REGIONS_WITHOUT_DRS.put("eusc-de-east-1", sovereign);
    String isolated = "isolated (ISO) partitions do not offer Elastic Disaster Recovery";
    for (String region : List.of("us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-isof-south-1", "us-isof-east-1", "eu-isoe-west-1")) {
      REGIONS_WITHOUT_DRS.put(region, isolated);
    }
  }

  private AwsRegions() {}

  public static Optional<Partition> partitionWithDrs(String region) {
    return Optional.ofNullable(DRS_REGIONS.get(region));
  }

  /** The partition of any region this table knows, with DRS or not (aws-cn), or empty. */
  public static Optional<Partition> partitionOf(String region) {
    return partitionWithDrs(region).or(() -> Optional.ofNullable(OTHER_PARTITIONS.get(region)));
  }

  /** Why a real region cannot be used, or empty when it is unknown or usable. */
  public static Optional<String> withoutDrs(String region) {
    return Optional.ofNullable(REGIONS_WITHOUT_DRS.get(region));
  }

  public static Set<String> drsRegions() {
    return new TreeSet<>(DRS_REGIONS.keySet());
  }

  public static Set<String> allKnownRegions() {
    Set<String> all = new TreeSet<>(DRS_REGIONS.keySet());
    all.addAll(REGIONS_WITHOUT_DRS.keySet());
    return all;
  }

  /** The partition of a region that validation accepted. */
  public static Partition partition(String region) {
    return partitionWithDrs(region).orElseThrow(() -> new IllegalArgumentException("not a DRS region: " + region));
  }
}
