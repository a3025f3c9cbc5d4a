package drslink.model;

/** The optional {@code terraform:} section; absent keys take the defaults below. */
public record TerraformSettings(Located<String> requiredVersion, Located<String> awsProviderVersion) {
  public static final String DEFAULT_REQUIRED_VERSION = ">= 1.5.0";

  /** 5.70 is the oldest release drslink's modules were written against; 7.x is unknown territory. */
  public static final String DEFAULT_AWS_PROVIDER_VERSION = ">= 5.70.0, < 7.0.0";
}
