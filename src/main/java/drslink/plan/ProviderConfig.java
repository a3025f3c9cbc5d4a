package drslink.plan;

/** One aliased aws provider: an (account, region) pair the output touches. {@code roleArn} and {@code accountName} may be null. */
public record ProviderConfig(String alias, String region, String accountName, String accountId, String roleArn) {
  public String reference() {
    return "aws." + alias;
  }
}
