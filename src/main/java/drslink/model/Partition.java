package drslink.model;

import java.util.Optional;

/**
 * An AWS partition and the names that depend on it (shared/spec/domain.md section 6): interface endpoint
 * services are {@code <servicePrefix>.<region>.<service>}, service hostnames end in {@code dnsSuffix}, and the
 * partition's global services (Route 53, STS for roles) are called in {@code globalRegion}
 * (https://docs.aws.amazon.com/general/latest/gr/r53.html; China:
 * https://docs.amazonaws.cn/en_us/aws/latest/userguide/endpoints-arns.html). aws-cn has no DRS
 * ({@link AwsRegions}); it is here so that live checks name its endpoints and regions right.
 */
public enum Partition {
  AWS("aws", "com.amazonaws", "amazonaws.com", "us-east-1", "route53.amazonaws.com"),
  AWS_US_GOV("aws-us-gov", "com.amazonaws", "amazonaws.com", "us-gov-west-1", "route53.us-gov.amazonaws.com"),
  AWS_CN("aws-cn", "cn.com.amazonaws", "amazonaws.com.cn", "cn-northwest-1", "route53.amazonaws.com.cn");

  private final String id;
  private final String servicePrefix;
  private final String dnsSuffix;
  private final String globalRegion;
  private final String route53Hostname;

  Partition(String id, String servicePrefix, String dnsSuffix, String globalRegion, String route53Hostname) {
    this.id = id;
    this.servicePrefix = servicePrefix;
    this.dnsSuffix = dnsSuffix;
    this.globalRegion = globalRegion;
    this.route53Hostname = route53Hostname;
  }

  public String id() {
    return id;
  }

  /** The partition an ARN names in its second field ({@code arn:aws-us-gov:iam::...}), or empty. */
  public static Optional<Partition> ofArn(String arn) {
    String[] fields = arn.split(":", 3);
    if (fields.length < 3 || !fields[0].equals("arn")) {
      return Optional.empty();
    }
    for (Partition p : values()) {
      if (p.id.equals(fields[1])) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** {@code com.amazonaws.ap-northeast-3.drs}: what {@code aws_vpc_endpoint.service_name} takes. */
  public String endpointServiceName(String region, String service) {
    return servicePrefix + "." + region + "." + service;
  }

  /** {@code drs.ap-northeast-3.amazonaws.com}: the hostname clients resolve, and so the zone name. */
  public String serviceHostname(String region, String service) {
    return service + "." + region + "." + dnsSuffix;
  }

  /** The region that signs the partition's global services and hosts STS for its roles. */
  public String globalRegion() {
    return globalRegion;
  }

  /** Route 53's one endpoint in the partition. */
  public String route53Hostname() {
    return route53Hostname;
  }
}
