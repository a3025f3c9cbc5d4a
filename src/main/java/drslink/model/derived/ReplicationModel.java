package drslink.model.derived;

import drslink.model.AwsRegions;
import drslink.model.DrsTemplateSites;
import drslink.model.OnPremNetwork;
import drslink.model.Partition;
import drslink.model.Replication;
import drslink.model.ReplicationSource;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who replicates into which hub: the one answer the validator, the planner and the live checks read. From a
 * topology it works out, once, every flow of replicated data (a source into its target, and with failback a
 * target back into the landing VPC of each source's (account, region)), the hub of each receiving region (the
 * VPC with the DRS and S3 endpoints and the zones), the VPCs associated with each hub's zones, what the 443
 * and 1500 ingress rules admit, the DRS template sites, and the labels the planner gives each module.
 *
 * <p>It is computed from any topology, also one with errors: names that resolve to nothing are skipped, never
 * thrown on, so the validator can ask it the same questions the planner asks of a valid file (as tflint hands its
 * rules a Runner the host evaluated once: tflint-plugin-sdk {@code tflint/interface.go}). For a valid topology
 * the planner's output follows from it alone.
 */
public final class ReplicationModel {

  /**
   * Replicated data moving into a staging VPC: a source (a VPC, or an on-premises network) into its target, or,
   * with failback, a target back into the failback landing VPC of a source's (account, region). Failback to
   * on-premises lands on the Failback Client, not in a VPC, so it is no flow.
   */
  public record Flow(ReplicationSource from, Vpc staging, Replication replication, boolean failback) {
    public String region() {
      return staging.region();
    }

    /** The source VPC; empty for an on-premises source. */
    public Optional<Vpc> fromVpc() {
      return from instanceof Vpc vpc ? Optional.of(vpc) : Optional.empty();
    }
  }

  private final Topology topology;
  private final StagingPlacement placement;
  private final DrsTemplateSites templateSites;
  /** In the planner's order: replications by name; each one's flows, then its failback landings by region and name. */
  private final List<Flow> flows;
  /** As written: every replication's flows in file order, then every failback flow (landings in source order). */
  private final List<Flow> asWritten;
  private final Map<Replication, List<Vpc>> failbackLandings = new IdentityHashMap<>();
  private final Map<String, Hub> hubs = new TreeMap<>();

  private ReplicationModel(Topology topology) {
    this.topology = topology;
    this.placement = StagingPlacement.of(topology);
    this.templateSites = DrsTemplateSites.of(topology, placement);
    VpcIndex vpcs = new VpcIndex(topology);
    Map<Replication, List<Flow>> forward = new IdentityHashMap<>();
    List<Flow> written = new ArrayList<>();
    List<Flow> writtenBack = new ArrayList<>();
    for (Replication r : topology.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      List<Flow> into = new ArrayList<>();
      List<Vpc> landings = new ArrayList<>();
      if (target.isPresent()) {
        for (String name : new LinkedHashSet<>(r.sourceNames())) {
          Optional<ReplicationSource> source = vpcs.get(name).<ReplicationSource>map(v -> v).or(() -> topology.onPremises(name));
          source.ifPresent(s -> into.add(new Flow(s, target.get(), r, false)));
        }
        if (r.failbackEnabled()) {
          // Failback lands in each source's own (account, region), in a VPC there that can host staging
          // (StagingPlacement.failbackLanding); sources without one are refused (DRS088), and a source in the
          // target's own region is refused (DRS085) and has no failback of its own.
          r.sourceNames().stream()
              .distinct()
              .map(vpcs::get)
              .flatMap(Optional::stream)
              .filter(v -> !v.region().equals(target.get().region()))
              .map(placement::failbackLanding)
              .flatMap(Optional::stream)
              .distinct()
              .forEach(landings::add);
        }
      }
      forward.put(r, into);
      failbackLandings.put(r, List.copyOf(landings));
      written.addAll(into);
      landings.forEach(l -> writtenBack.add(new Flow(target.get(), l, r, true)));
    }
    written.addAll(writtenBack);
    this.asWritten = List.copyOf(written);

    List<Flow> ordered = new ArrayList<>();
    for (Replication r : topology.replications().stream().sorted(Comparator.comparing(Replication::nameValue)).toList()) {
      ordered.addAll(forward.get(r));
      Vpc target = vpcs.get(r.target().value()).orElse(null);
      failbackLandings.get(r).stream()
          .sorted(Comparator.comparing(Vpc::region).thenComparing(Vpc::nameValue))
          .forEach(landing -> ordered.add(new Flow(target, landing, r, true)));
    }
    this.flows = List.copyOf(ordered);

    Map<String, List<Flow>> byRegion = new TreeMap<>();
    flows.forEach(f -> byRegion.computeIfAbsent(f.region(), k -> new ArrayList<>()).add(f));
    byRegion.forEach((region, inbound) -> placement.endpointVpc(region).ifPresent(hub -> hubs.put(region, new Hub(topology, region, hub, inbound))));
  }

  /** Works the model out; never throws on a topology the reader produced, however wrong its references. */
  public static ReplicationModel of(Topology topology) {
    return new ReplicationModel(topology);
  }

  public Topology topology() {
    return topology;
  }

  /** Where each region's endpoints live and where failback lands (hub choice, eligibility, pins). */
  public StagingPlacement placement() {
    return placement;
  }

  /** One DRS replication template per (account, region) that receives replication or failback. */
  public List<DrsTemplateSites.Site> templateSites() {
    return templateSites.all();
  }

  /** The template sites that receive failback: each source (account, region) data returns to. */
  public List<DrsTemplateSites.Site> failbackSites() {
    return templateSites.all().stream().filter(s -> !s.failbacks().isEmpty()).toList();
  }

  /** Every flow, replications by name, each one's flows into its target, then its failback by region and name. */
  public List<Flow> flows() {
    return flows;
  }

  /** Every flow into a target in file order, then every failback flow in file order (landings in source order). */
  public List<Flow> flowsAsWritten() {
    return asWritten;
  }

  /** Where a replication's failback lands, in the order of its sources; empty without failback. */
  public List<Vpc> failbackLandings(Replication replication) {
    return failbackLandings.getOrDefault(replication, List.of());
  }

  /** The hubs by region code: every region that receives replication or failback and has a VPC to host them. */
  public Map<String, Hub> hubs() {
    return Collections.unmodifiableMap(hubs);
  }

  public Optional<Hub> hub(String region) {
    return Optional.ofNullable(hubs.get(region));
  }

  /**
   * {@code <topology>-<vpc>}: the {@code name} the planner passes to the modules it places in a VPC, which the
   * modules extend into the names of what they create ({@code -replication}, {@code -vpce}).
   */
  public String resourceName(Vpc vpc) {
    return topology.name().value() + "-" + vpc.nameValue();
  }

  /** The Name tag of drslink's replication server group in a staging VPC ({@code "${var.name}-replication"}, modules/staging-security-group). */
  public String replicationGroupName(Vpc staging) {
    return resourceName(staging) + "-replication";
  }

  /**
   * The Name tag of drslink's recovery instance group in a recovery VPC for failback to on-premises
   * ({@code "${var.name}-recovery-failback"}, modules/recovery-instance-security-group).
   */
  public String recoveryGroupName(Vpc recovery) {
    return resourceName(recovery) + "-recovery-failback";
  }

  /** Every module label the hubs give the planner, sorted: the labels drslink's regional modules carry. */
  public List<String> labels() {
    TreeSet<String> out = new TreeSet<>();
    hubs.values().forEach(h -> out.addAll(h.labels()));
    return List.copyOf(out);
  }

  /**
   * One region that receives replication or failback: its hub VPC, the flows into it, the CIDRs its 443 and 1500
   * ingress rules admit, and the VPCs its two private zones are associated with.
   */
  public static final class Hub {
    private final String region;
    private final Vpc vpc;
    private final List<Flow> flows;
    private final boolean failbackOnly;
    private final Vpc zoneHome;
    private final Map<String, Vpc> associations;
    private final List<String> httpsCidrs;
    private final Map<String, List<String>> replicationCidrs;
    private final Map<String, Vpc> stagingVpcs = new TreeMap<>();
    private final Map<String, OnPremNetwork> onPremises = new TreeMap<>();
    private final Map<String, List<String>> recoveryClients;

    private Hub(Topology topology, String region, Vpc vpc, List<Flow> flows) {
      this.region = region;
      this.vpc = vpc;
      this.flows = List.copyOf(flows);
      // Who needs what: staging VPC -> VPCs whose data lands there; every VPC that must resolve the zones.
      Map<String, TreeSet<String>> replication = new TreeMap<>();
      Map<String, Vpc> consumers = new TreeMap<>();
      TreeSet<String> https = new TreeSet<>(vpc.cidrValues());
      Map<String, TreeSet<String>> recovery = new TreeMap<>();
      for (Flow flow : flows) {
        replication.computeIfAbsent(flow.staging().nameValue(), k -> new TreeSet<>()).addAll(flow.from().cidrValues());
        stagingVpcs.putIfAbsent(flow.staging().nameValue(), flow.staging());
        https.addAll(flow.from().cidrValues());
        if (flow.from() instanceof Vpc source) {
          consumers.put(source.nameValue(), source);
        } else if (flow.from() instanceof OnPremNetwork network) {
          // No zone association (there is no VPC); the recovery VPC takes the Failback Client's CIDRs.
          onPremises.put(network.nameValue(), network);
          if (flow.replication().failbackEnabled()) {
            recovery.computeIfAbsent(flow.staging().nameValue(), k -> new TreeSet<>()).addAll(network.failbackClientCidrValues());
          }
        }
        // A failback landing other than the hub is a production source VPC of another account: associating
        // s3.<region> with it would send all of its S3 traffic to an endpoint in another VPC (topology.md), so
        // its replication servers keep their own path (NAT or TGW default route; docs/failback.md).
        if (!flow.failback() || flow.staging().equals(vpc)) {
          consumers.put(flow.staging().nameValue(), flow.staging());
          https.addAll(flow.staging().cidrValues());
        }
      }
      // A private zone needs a VPC when it is created. Where only failback lands, the zones start with the
      // first recovery VPC by name (so zones of earlier releases keep their home and are not replaced) and
      // the hub is associated like any other VPC: its failback replication servers call DRS and S3 through
      // the endpoints it hosts, which only resolve there through the zones (private_dns_enabled = false),
      // and with staging_private: true there is no other path (issue 22;
      // https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html).
      this.failbackOnly = flows.stream().allMatch(Flow::failback);
      consumers.remove(vpc.nameValue());
      // A failback-only region always has the failing-back target as a consumer; a broken file may not.
      this.zoneHome = failbackOnly && !consumers.isEmpty() ? consumers.values().iterator().next() : vpc;
      consumers.remove(zoneHome.nameValue());
      if (!zoneHome.equals(vpc)) {
        consumers.put(vpc.nameValue(), vpc);
      }
      this.associations = Collections.unmodifiableMap(consumers);
      this.httpsCidrs = List.copyOf(https);
      this.replicationCidrs = copyOf(replication);
      this.recoveryClients = copyOf(recovery);
    }

    private static Map<String, List<String>> copyOf(Map<String, TreeSet<String>> cidrs) {
      Map<String, List<String>> copy = new TreeMap<>();
      cidrs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
      return Collections.unmodifiableMap(copy);
    }

    public String region() {
      return region;
    }

    /** The VPC that hosts the region's DRS and S3 interface endpoints. */
    public Vpc vpc() {
      return vpc;
    }

    /** The flows into this region, in the model's order. */
    public List<Flow> flows() {
      return flows;
    }

    /** Whether only failback lands here (a region that is nobody's target). */
    public boolean failbackOnly() {
      return failbackOnly;
    }

    /** The VPC the zones are created with: the hub, or where only failback lands, the first recovery VPC by name. */
    public Vpc zoneHome() {
      return zoneHome;
    }

    /** The VPCs associated with the zones by a {@code dns_<region>_<vpc>} module, by name: every zone VPC but the home. */
    public Map<String, Vpc> associations() {
      return associations;
    }

    /** Every VPC that resolves the region's zones, by name: the zone home and every association. */
    public Map<String, Vpc> zoneVpcs() {
      Map<String, Vpc> all = new TreeMap<>(associations);
      all.put(zoneHome.nameValue(), zoneHome);
      return all;
    }

    /** One 443 ingress rule per CIDR on the endpoint security group, sorted. */
    public List<String> httpsCidrs() {
      return httpsCidrs;
    }

    /** Staging VPC name -> one 1500 ingress rule per CIDR on its replication server security group. */
    public Map<String, List<String>> replicationCidrs() {
      return replicationCidrs;
    }

    /** The VPCs that get a replication server security group here, by name. */
    public Map<String, Vpc> stagingVpcs() {
      return Collections.unmodifiableMap(stagingVpcs);
    }

    /** On-premises networks that replicate into this region, by name. */
    public List<OnPremNetwork> onPremises() {
      return List.copyOf(onPremises.values());
    }

    /** The CIDRs a Route 53 Resolver inbound endpoint admits: on-premises networks with {@code dns: resolver_inbound}. */
    public List<String> resolverClients() {
      TreeSet<String> out = new TreeSet<>();
      onPremises.values().stream().filter(OnPremNetwork::usesResolver).forEach(n -> out.addAll(n.cidrValues()));
      return List.copyOf(out);
    }

    /** Recovery VPC name -> the Failback Client CIDRs its recovery instance group admits (failback to on-premises). */
    public Map<String, List<String>> recoveryClients() {
      return recoveryClients;
    }

    /** The region's partition; empty for a region without DRS (refused by the validator). */
    public Optional<Partition> partition() {
      return AwsRegions.partitionWithDrs(region);
    }

    /** {@code drs.<region>.amazonaws.com}: the name of the region's zone for {@code service} (drs or s3). */
    public String zoneName(String service) {
      return partition().map(p -> p.serviceHostname(region, service)).orElse(service + "." + region);
    }

    /** {@code com.amazonaws.<region>.drs}: the interface endpoint service for {@code service}. */
    public String endpointServiceName(String service) {
      return partition().map(p -> p.endpointServiceName(region, service)).orElse(service + "." + region);
    }

    public String endpointsLabel() {
      return Labels.of("endpoints", vpc.nameValue());
    }

    public String replicationGroupLabel(Vpc staging) {
      return Labels.of("replication_sg", staging.nameValue());
    }

    public String privateStagingLabel() {
      return Labels.of("private_staging", vpc.nameValue());
    }

    public String resolverLabel() {
      return Labels.of("resolver_inbound", vpc.nameValue());
    }

    public String recoveryGroupLabel(String recoveryVpc) {
      return Labels.of("recovery_sg", recoveryVpc);
    }

    public String zoneLabel(String service) {
      return Labels.of("dns", service, region);
    }

    public String associationLabel(Vpc consumer) {
      return Labels.of("dns", region, consumer.nameValue());
    }

    /** The labels of this region's modules, as the planner gives them. */
    public List<String> labels() {
      List<String> out = new ArrayList<>();
      out.add(endpointsLabel());
      stagingVpcs.values().forEach(s -> out.add(replicationGroupLabel(s)));
      if (vpc.isStagingPrivate()) {
        out.add(privateStagingLabel());
      }
      out.add(zoneLabel("drs"));
      out.add(zoneLabel("s3"));
      associations.values().forEach(c -> out.add(associationLabel(c)));
      if (!resolverClients().isEmpty()) {
        out.add(resolverLabel());
      }
      recoveryClients.keySet().forEach(r -> out.add(recoveryGroupLabel(r)));
      return out;
    }
  }
}
