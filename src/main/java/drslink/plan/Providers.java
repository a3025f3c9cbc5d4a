package drslink.plan;

import drslink.model.Account;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.Labels;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which aliased provider serves a VPC: one per (account, region) the topology uses. */
final class Providers {
  private final Topology topology;

  Providers(Topology topology) {
    this.topology = topology;
  }

  /** The account a VPC lives in, or empty when the file defines no accounts (the pipeline's own). */
  Optional<Account> accountOf(Vpc vpc) {
    return topology.accountOf(vpc).flatMap(topology::account);
  }

  ProviderConfig of(Vpc vpc) {
    Optional<Account> account = accountOf(vpc);
    boolean qualify = topology.accounts().size() > 1;
    String alias = qualify ? Labels.of(account.orElseThrow().name().value(), vpc.region()) : Labels.of(vpc.region());
    return new ProviderConfig(
        alias,
        vpc.region(),
        account.map(a -> a.name().value()).orElse(null),
        account.map(a -> a.id().value()).orElse(null),
        account.map(a -> a.roleArn() == null ? null : a.roleArn().value()).orElse(null));
  }

  boolean sameAccount(Vpc a, Vpc b) {
    // Accounts are named uniquely (DRS022); comparing names links no record equals (docs/performance.md, stop 31).
    return accountOf(a).map(x -> x.name().value()).equals(accountOf(b).map(x -> x.name().value()));
  }

  List<ProviderConfig> all() {
    // One per alias: the alias names the account and region, which decide the rest of the configuration.
    Map<String, ProviderConfig> byAlias = new TreeMap<>();
    for (Vpc v : topology.vpcs()) {
      ProviderConfig p = of(v);
      byAlias.putIfAbsent(p.alias(), p);
    }
    return List.copyOf(byAlias.values());
  }
}
