package drslink.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where DRS replication configuration templates go. AWS keeps one template per account and region, and it
 * is the default for every new source server there (domain.md section 8; topology.md, "DRS replication
 * settings"). So there is one site per (account, region) that receives replication or failback, shared by
 * every replication landing there. Built once per topology; the validator and the planner ask it the same
 * questions, so what is checked is what is generated.
 */
public final class DrsTemplateSites {

  /**
   * One (account, region). {@code account} is the account name, null for the pipeline's own account.
   * {@code stagingVpc} is the VPC whose staging subnet the template names: the region's endpoint VPC when it
   * is in this account, else the first staging VPC here by name. {@code replications} land here as targets,
   * in file order; {@code failbacks} land here as failback.
   */
  public record Site(String account, String region, Vpc stagingVpc, List<Vpc> otherTargets, List<Replication> replications, List<Replication> failbacks) {
    public Site {
      otherTargets = List.copyOf(otherTargets);
      replications = List.copyOf(replications);
      failbacks = List.copyOf(failbacks);
    }

    /** The first settings given by a replication into this site (file order), if any. */
    public Optional<Replication> settingsSource() {
      return replications.stream().filter(r -> r.settings() != null).findFirst();
    }

    /** The settings the template gets: the first given, else the contract's defaults. */
    public ReplicationSettings settings() {
      return settingsSource().map(Replication::settings).orElseGet(() -> ReplicationSettings.defaults(stagingVpc.at()));
    }
  }

  private final List<Site> sites;

  private DrsTemplateSites(Topology topology, StagingPlacement placement) {
    VpcIndex vpcs = new VpcIndex(topology);
    Map<String, Builder> byKey = new TreeMap<>();
    for (Replication r : topology.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (target.isEmpty() || !target.get().canHostStaging()) {
        continue;
      }
      Builder site = byKey.computeIfAbsent(key(topology, target.get()), k -> new Builder(topology.accountOf(target.get()), target.get().region()));
      site.targets.putIfAbsent(target.get().nameValue(), target.get());
      site.replications.add(r);
      if (r.failbackEnabled()) {
        r.sourceNames().stream()
            .map(vpcs::get)
            .flatMap(Optional::stream)
            .filter(source -> !source.region().equals(target.get().region()))
            // Failback goes back to each source's own account and region: one site per (account, region).
            .map(placement::failbackLanding)
            .flatMap(Optional::stream)
            .distinct()
            .forEach(
                landing -> {
                  Builder back = byKey.computeIfAbsent(key(topology, landing), k -> new Builder(topology.accountOf(landing), landing.region()));
                  back.landings.putIfAbsent(landing.nameValue(), landing);
                  if (!back.failbacks.contains(r)) {
                    back.failbacks.add(r);
                  }
                });
      }
    }
    List<Site> built = new ArrayList<>();
    byKey.values().forEach(b -> built.add(b.build(placement)));
    built.sort(Comparator.comparing(Site::region).thenComparing(s -> s.account() == null ? "" : s.account()));
    this.sites = List.copyOf(built);
  }

  public static DrsTemplateSites of(Topology topology, StagingPlacement placement) {
    return new DrsTemplateSites(topology, placement);
  }

  /** Every site, sorted by region, then account. */
  public List<Site> all() {
    return sites;
  }

  private static String key(Topology topology, Vpc vpc) {
    return vpc.region() + "|" + topology.accountOf(vpc).orElse("");
  }

  private static final class Builder {
    private final String account;
    private final String region;
    private final Map<String, Vpc> targets = new TreeMap<>();
    private final Map<String, Vpc> landings = new TreeMap<>();
    private final List<Replication> replications = new ArrayList<>();
    private final List<Replication> failbacks = new ArrayList<>();

    Builder(Optional<String> account, String region) {
      this.account = account.orElse(null);
      this.region = region;
    }

    Site build(StagingPlacement placement) {
      Map<String, Vpc> staging = new LinkedHashMap<>(targets);
      landings.forEach(staging::putIfAbsent);
      Optional<Vpc> hub = placement.endpointVpc(region).filter(v -> staging.containsKey(v.nameValue()));
      Vpc chosen = hub.orElseGet(() -> new TreeMap<>(staging).firstEntry().getValue());
      List<Vpc> others = targets.values().stream().filter(v -> !v.equals(chosen)).toList();
      return new Site(account, region, chosen, others, replications, failbacks);
    }
  }
}
