package drslink.model;

/**
 * An AWS partition and the names that depend on it (shared/spec/domain.md section 6): interface endpoint
 * services are {@code <servicePrefix>.<region>.<service>} and service hostnames end in {@code dnsSuffix}.
 */
public enum Partition {
  AWS("aws", "com.amazonaws", "amazonaws.com"),
  AWS_US_GOV("aws-us-gov", "com.amazonaws", "amazonaws.com");

  private final String id;
  private final String servicePrefix;
  private final String dnsSuffix;

  Partition(String id, String servicePrefix, String dnsSuffix) {
    this.id = id;
    this.servicePrefix = servicePrefix;
    this.dnsSuffix = dnsSuffix;
  }

  public String id() {
    return id;
  }

  /** {@code com.amazonaws.ap-northeast-3.drs}: what {@code aws_vpc_endpoint.service_name} takes. */
  public String endpointServiceName(String region, String service) {
    return servicePrefix + "." + region + "." + service;
  }

  /** {@code drs.ap-northeast-3.amazonaws.com}: the hostname clients resolve, and so the zone name. */
  public String serviceHostname(String region, String service) {
    return service + "." + region + "." + dnsSuffix;
  }
}
