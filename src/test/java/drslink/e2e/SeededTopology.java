package drslink.e2e;

import java.util.Map;

/**
 * A topology after {@link MotoFixture#seed}: its text with moto's ids (what the generator reads),
 * the same parsed, the id mapping, and the credentials that act in each account (by account name;
 * "" is the caller's own account).
 */
public record SeededTopology(
    String yaml,
    TopologyTree topology,
    Map<String, String> ids,
    Map<String, AwsCreds> credentials) {

  public SeededTopology {
    ids = Map.copyOf(ids);
    credentials = Map.copyOf(credentials);
  }

  public AwsCreds credsFor(TopologyTree.Vpc vpc) {
    return credentials.get(topology.accountNameOf(vpc));
  }

  public AwsCreds credsForAccount(String accountName) {
    return credentials.get(accountName);
  }
}
