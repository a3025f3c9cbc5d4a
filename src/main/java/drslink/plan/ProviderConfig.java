package drslink.plan;

import java.util.Objects;

/** One aliased aws provider: an (account, region) pair the output touches. {@code roleArn} and {@code accountName} may be null. */
public record ProviderConfig(String alias, String region, String accountName, String accountId, String roleArn) {
  public String reference() {
    return "aws." + alias;
  }

  // equals and hashCode written out: a record's generated ones link method handles on first use, and at start-up that
  // costs more than the whole validation of a small topology (README "Performance"). RecordMethodsTest keeps them whole.
  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderConfig p
        && Objects.equals(alias, p.alias)
        && Objects.equals(region, p.region)
        && Objects.equals(accountName, p.accountName)
        && Objects.equals(accountId, p.accountId)
        && Objects.equals(roleArn, p.roleArn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(alias, region, accountName, accountId, roleArn);
  }
}
