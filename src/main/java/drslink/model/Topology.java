package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topology file as typed data (contract: shared/spec/topology.md, version 1). Optional values the user
 * left out are {@code null} in {@link Located} fields only where the reader could not read them; the
 * validator reports those, and later stages only ever see a topology without errors.
 */
public record Topology(
    String file,
    SourceLocation at,
    Located<Integer> version,
    Located<String> name,
    Map<String, Located<String>> tags,
    TerraformSettings terraform,
    List<Account> accounts,
    List<Region> regions,
    List<Connectivity> connectivity,
    List<Replication> replications) {

  public Topology {
    tags = Map.copyOf(tags);
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    connectivity = List.copyOf(connectivity);
    replications = List.copyOf(replications);
  }

  public List<Vpc> vpcs() {
    return regions.stream().flatMap(r -> r.vpcs().stream()).toList();
  }

  public Optional<Vpc> vpc(String name) {
    return regions.stream().flatMap(r -> r.vpcs().stream()).filter(v -> v.name().value().equals(name)).findFirst();
  }

  public Optional<Account> account(String name) {
    return accounts.stream().filter(a -> a.name().value().equals(name)).findFirst();
  }
}
