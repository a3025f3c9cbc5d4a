package drslink.model;

import drslink.diag.SourceLocation;
import java.util.Collections;
import java.util.HashMap;
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
    List<OnPremNetwork> onPremises,
    List<Connectivity> connectivity,
    List<Replication> replications,
    Map<String, Vpc> vpcsByName) {

  public Topology {
    tags = Map.copyOf(tags);
    accounts = List.copyOf(accounts);
    regions = List.copyOf(regions);
    onPremises = List.copyOf(onPremises);
    connectivity = List.copyOf(connectivity);
    replications = List.copyOf(replications);
    vpcsByName = Collections.unmodifiableMap(vpcsByName);
  }

  /** The topology with its VPCs indexed by name: every stage looks VPCs up by name, per link and per source. */
  public Topology(
      String file,
      SourceLocation at,
      Located<Integer> version,
      Located<String> name,
      Map<String, Located<String>> tags,
      TerraformSettings terraform,
      List<Account> accounts,
      List<Region> regions,
      List<OnPremNetwork> onPremises,
      List<Connectivity> connectivity,
      List<Replication> replications) {
    this(file, at, version, name, tags, terraform, accounts, regions, onPremises, connectivity, replications, firstByName(regions));
  }

  /** The first VPC of each name, as a scan in file order finds it (a duplicate name is a validation error). */
  private static Map<String, Vpc> firstByName(List<Region> regions) {
    Map<String, Vpc> index = new HashMap<>();
    for (Region region : regions) {
      for (Vpc vpc : region.vpcs()) {
        if (vpc.name() != null && vpc.name().value() != null) {
          index.putIfAbsent(vpc.name().value(), vpc);
        }
      }
    }
    return index;
  }

  public List<Vpc> vpcs() {
    return regions.stream().flatMap(r -> r.vpcs().stream()).toList();
  }

  public Optional<Vpc> vpc(String name) {
    return Optional.ofNullable(vpcsByName.get(name));
  }

  public Optional<OnPremNetwork> onPremises(String name) {
    return onPremises.stream().filter(n -> n.name().value().equals(name)).findFirst();
  }

  /**
   * The name of the account a VPC lives in: its {@code account}, else the single account of the file; empty
   * when the file defines no accounts (the pipeline's own).
   */
  public Optional<String> accountOf(Vpc vpc) {
    if (accounts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(vpc.account() == null ? accounts.get(0).name().value() : vpc.account().value());
  }

  public Optional<Account> account(String name) {
    return accounts.stream().filter(a -> a.name().value().equals(name)).findFirst();
  }
}
