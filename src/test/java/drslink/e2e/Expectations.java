package drslink.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a generated root must build, derived from the topology text alone (the input contract in
 * shared/spec/topology.md), so the assertions are the same for every example and golden case.
 */
public final class Expectations {

  /** An interface endpoint for {@code com.amazonaws.<region>.<service>} in a VPC's subnets. */
  public record Endpoint(TopologyTree.Vpc vpc, String service, String why) {
    public String serviceName() {
      return "com.amazonaws." + vpc.region() + "." + service;
    }
  }

  /**
   * A private zone, the VPC whose endpoints it aliases, and the VPCs it must be associated with.
   */
  public record Zone(
      String region,
      String domain,
      TopologyTree.Vpc endpointVpc,
      Set<TopologyTree.Vpc> associated,
      Set<TopologyTree.Vpc> forbidden) {

    public String service() {
      return domain.substring(0, domain.indexOf('.'));
    }

    /** The alias A records: the apex, and for S3 the bucket wildcard. */
    public List<String> recordNames() {
      return service().equals("s3") ? List.of(domain, "*." + domain) : List.of(domain);
    }
  }

  /** TCP {@code port} must be open to every one of {@code cidrs} on a security group in a VPC. */
  public record Ingress(
      TopologyTree.Vpc vpc, int port, Set<String> cidrs, boolean onEndpoints, String why) {}

  /** A route in a route table to a peer CIDR, through a peering or a transit gateway. */
  public record Route(
      String routeTableId,
      TopologyTree.Vpc from,
      String destination,
      String via,
      String transitGatewayId,
      String why) {}

  /**
   * An inter-region TGW peering between the two links' TGWs, and the static TGW routes that send
   * each side's CIDRs over it.
   */
  public record TgwPeering(
      TopologyTree.Vpc a,
      TopologyTree.TransitGateway tgwA,
      TopologyTree.Vpc b,
      TopologyTree.TransitGateway tgwB,
      String why) {}

  /**
   * The one DRS replication template of an (account, region) that receives replication or failback,
   * in {@code staging}'s subnet, with private data routing (topology.md, "DRS replication settings").
   */
  public record Template(TopologyTree.Vpc staging, String why) {}

  /**
   * A plain-IAM role drslink creates for DRS agents of EC2 sources replicating into another account
   * (docs/failback.md, "Installing agents without the apply role"; docs/topology.md, {@code accounts[].drs_agent_roles}):
   * in {@code account}, trusting exactly {@code principals}, with exactly the managed policy {@code policyArn}, and
   * with {@code instanceProfile} an instance profile of the same name holding it.
   */
  public record AgentRole(String account, String globalRegion, String name, String policyArn, Set<String> principals, boolean instanceProfile, String why) {}

  private final Map<String, AgentRole> agentRoles = new LinkedHashMap<>();
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final Map<String, Zone> zones = new LinkedHashMap<>();
  private final List<Ingress> ingress = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private final List<Template> templates = new ArrayList<>();
  private final List<List<TopologyTree.Vpc>> peerings = new ArrayList<>();
  private final List<TgwPeering> tgwPeerings = new ArrayList<>();

  private Expectations() {}

  public static Expectations of(TopologyTree t) {
    Expectations e = new Expectations();
    for (TopologyTree.Replication r : t.replications()) {
      TopologyTree.Vpc target = t.vpc(r.target());
      List<TopologyTree.Vpc> sources = r.sources().stream().filter(s -> !t.isOnPremises(s)).map(t::vpc).toList();
      List<TopologyTree.OnPremises> networks = r.sources().stream().map(t::onPremises).flatMap(Optional::stream).toList();
      String why = "replication " + r.name();

      // The endpoints may live in another target of the region (its hub); staging is the target's own.
      TopologyTree.Vpc hub = t.endpointHost(target.region()).orElse(target);
      e.endpoint(hub, "drs", why);
      e.endpoint(hub, "s3", why);
      Set<String> toTarget = new LinkedHashSet<>(target.cidrs());
      sources.forEach(s -> toTarget.addAll(s.cidrs()));
      networks.forEach(n -> toTarget.addAll(n.cidrs()));
      Set<String> sourceCidrs = new LinkedHashSet<>();
      sources.forEach(s -> sourceCidrs.addAll(s.cidrs()));
      networks.forEach(n -> sourceCidrs.addAll(n.cidrs()));
      e.ingress.add(
          new Ingress(
              hub, 443, toTarget, true, why + ": endpoints, HTTPS from sources and target"));
      e.ingress.add(
          new Ingress(
              target, 1500, sourceCidrs, false, why + ": replication servers, data from sources"));
      for (String svc : List.of("drs", "s3")) {
        Zone z = e.zone(target.region(), svc, hub);
        z.associated().add(hub);
        z.associated().add(target);
        z.associated().addAll(sources);
      }
      e.site(t, target, r.manageTemplate(), why);

      if (r.failback()) {
        Set<String> sourceRegions = new LinkedHashSet<>();
        sources.forEach(s -> sourceRegions.add(s.region()));
        for (String region : sourceRegions) {
          Optional<TopologyTree.Vpc> host = t.endpointHost(region);
          if (host.isEmpty()) {
            continue; // the generator must refuse this topology; golden/invalid cases cover it
          }
          TopologyTree.Vpc h = host.get();
          String fwhy = why + " failback into " + region;
          e.endpoint(h, "drs", fwhy);
          e.endpoint(h, "s3", fwhy);
          e.ingress.add(
              new Ingress(h, 443, new LinkedHashSet<>(target.cidrs()), true, fwhy + ": endpoints"));
          for (String svc : List.of("drs", "s3")) {
            Zone z = e.zone(region, svc, h);
            z.associated().add(target);
            // The hub hosts failback replication servers and resolves its own endpoints (issue 22).
            z.associated().add(h);
          }
        }
        // Failback goes back to each source's own account and region (domain.md section 10): one staging
        // VPC, replication server group and template per (account, region) of the sources.
        Set<TopologyTree.Vpc> landings = new LinkedHashSet<>();
        sources.stream().filter(s -> !s.region().equals(target.region())).forEach(s -> failbackLanding(t, s).ifPresent(landings::add));
        for (TopologyTree.Vpc landing : landings) {
          String fwhy = why + " failback into " + landing.region() + " (" + t.accountNameOf(landing) + ")";
          e.ingress.add(new Ingress(landing, 1500, new LinkedHashSet<>(target.cidrs()), false, fwhy + ": replication servers"));
          e.site(t, landing, true, fwhy);
        }
      }
    }
    // Associating s3.<region> with a production source VPC would send all of its S3 traffic through
    // the endpoint (topology.md): a VPC that is only ever a source must not get its own region's
    // zone.
    Set<String> targets = new LinkedHashSet<>();
    t.replications().forEach(r -> targets.add(r.target()));
    for (TopologyTree.Replication r : t.replications()) {
      for (String s : r.sources()) {
        if (t.isOnPremises(s)) {
          continue;
        }
        TopologyTree.Vpc v = t.vpc(s);
        Zone z = e.zones.get(v.region() + "|s3." + v.region() + ".amazonaws.com");
        if (z != null && !targets.contains(s) && !z.associated().contains(v)) {
          z.forbidden().add(v);
        }
      }
    }

    for (TopologyTree.Connectivity c : t.connectivity()) {
      if (c.vpcs().size() != 2 || c.vpcs().stream().anyMatch(t::isOnPremises)) {
        continue; // an on-premises link is always type existing: nothing is built for it
      }
      TopologyTree.Vpc a = t.vpc(c.vpcs().get(0));
      TopologyTree.Vpc b = t.vpc(c.vpcs().get(1));
      String why = c.type() + " " + a.name() + "<->" + b.name();
      if (c.type().equals("vpc_peering")) {
        e.peerings.add(List.of(a, b));
        e.routesBetween(a, b, "peering", null, why);
        e.routesBetween(b, a, "peering", null, why);
      } else if (c.type().equals("transit_gateway")) {
        TopologyTree.TransitGateway ta = c.transitGateways().get(a.region());
        TopologyTree.TransitGateway tb = c.transitGateways().get(b.region());
        e.routesBetween(a, b, "transit_gateway", ta == null ? null : ta.id(), why);
        e.routesBetween(b, a, "transit_gateway", tb == null ? null : tb.id(), why);
        if (ta != null && tb != null && !a.region().equals(b.region())) {
          e.tgwPeerings.add(new TgwPeering(a, ta, b, tb, why));
        }
      }
    }
    e.agentRoles(t);
    for (Map.Entry<String, Site> site : e.sites.entrySet()) {
      if (site.getValue().managed) {
        e.templates.add(new Template(site.getValue().staging(t), site.getValue().why + " (" + site.getKey() + ")"));
      }
    }
    return e;
  }

  /**
   * Where failback of a source lands, read from the contract (docs/failback.md): the region's endpoint host
   * when it is in the source's account, else the first target of that account there, else the first
   * failback source of that account there with both subnets, by name.
   */
  private static Optional<TopologyTree.Vpc> failbackLanding(TopologyTree t, TopologyTree.Vpc source) {
    String region = source.region();
    String account = t.accountNameOf(source);
    Optional<TopologyTree.Vpc> host = t.endpointHost(region).filter(h -> java.util.Objects.equals(t.accountNameOf(h), account));
    if (host.isPresent()) {
      return host;
    }
    TreeMap<String, TopologyTree.Vpc> targets = new TreeMap<>();
    TreeMap<String, TopologyTree.Vpc> candidates = new TreeMap<>();
    for (TopologyTree.Replication r : t.replications()) {
      TopologyTree.Vpc target = t.vpc(r.target());
      if (target.region().equals(region) && java.util.Objects.equals(t.accountNameOf(target), account) && target.hasFailbackPlacement()) {
        targets.put(target.name(), target);
      }
      if (r.failback()) {
        r.sources().stream()
            .filter(n -> !t.isOnPremises(n))
            .map(t::vpc)
            .filter(v -> v.region().equals(region) && java.util.Objects.equals(t.accountNameOf(v), account) && v.hasFailbackPlacement())
            .forEach(v -> candidates.put(v.name(), v));
      }
    }
    return !targets.isEmpty() ? Optional.of(targets.firstEntry().getValue()) : candidates.values().stream().findFirst();
  }

  /** An (account, region) with replication or failback landing in it; staging VPCs by name. */
  private static final class Site {
    private final Map<String, TopologyTree.Vpc> staging = new TreeMap<>();
    private boolean managed = true;
    private String why;

    /** The template names the region's endpoint host when it is in this account, else the first by name. */
    TopologyTree.Vpc staging(TopologyTree t) {
      TopologyTree.Vpc host = t.endpointHost(staging.values().iterator().next().region()).orElse(null);
      return host != null && staging.containsKey(host.name()) ? host : staging.values().iterator().next();
    }
  }

  private final Map<String, Site> sites = new LinkedHashMap<>();

  private void site(TopologyTree t, TopologyTree.Vpc staging, boolean managed, String why) {
    Site site = sites.computeIfAbsent(t.accountNameOf(staging) + "|" + staging.region(), k -> new Site());
    site.staging.put(staging.name(), staging);
    site.managed &= managed;
    if (site.why == null) {
      site.why = why;
    }
  }

  private void endpoint(TopologyTree.Vpc vpc, String service, String why) {
    boolean known =
        endpoints.stream().anyMatch(x -> x.vpc().equals(vpc) && x.service().equals(service));
    if (!known) {
      endpoints.add(new Endpoint(vpc, service, why));
    }
  }

  private Zone zone(String region, String service, TopologyTree.Vpc endpointVpc) {
    String domain = service + "." + region + ".amazonaws.com";
    return zones.computeIfAbsent(
        region + "|" + domain,
        k -> new Zone(region, domain, endpointVpc, new LinkedHashSet<>(), new LinkedHashSet<>()));
  }

  private void routesBetween(
      TopologyTree.Vpc from, TopologyTree.Vpc to, String via, String tgw, String why) {
    for (String rtb : from.routeTableIds()) {
      for (String cidr : to.cidrs()) {
        routes.add(new Route(rtb, from, cidr, via, tgw, why));
      }
    }
  }

  /**
   * The staging area of a target is in the target's account; each VPC source of another account gets an instance
   * profile in its own account, and the staging account an installation role its source accounts may assume, unless
   * that account says {@code drs_agent_roles: false}. IAM is global: one of each per account, whatever the regions.
   */
  private void agentRoles(TopologyTree t) {
    for (TopologyTree.Replication r : t.replications()) {
      TopologyTree.Vpc target = t.vpc(r.target());
      Optional<TopologyTree.Account> staging = t.accountOf(target);
      if (staging.isEmpty()) {
        continue;
      }
      String global = MotoFixture.globalRegionOf(target.region()).id();
      String partition = target.region().startsWith("us-gov-") ? "aws-us-gov" : "aws";
      for (String s : r.sources()) {
        if (t.isOnPremises(s)) {
          continue;
        }
        Optional<TopologyTree.Account> source = t.accountOf(t.vpc(s));
        if (source.isEmpty() || source.get().name().equals(staging.get().name())) {
          continue;
        }
        String why = "replication " + r.name() + " from " + s + " (account " + source.get().name() + ") into account " + staging.get().name();
        if (source.get().drsAgentRoles()) {
          agentRoles.putIfAbsent(
              source.get().name() + "|ec2",
              new AgentRole(
                  source.get().name(),
                  global,
                  t.name() + "-drs-agent-ec2",
                  "arn:" + partition + ":iam::aws:policy/service-role/AWSElasticDisasterRecoveryEc2InstancePolicy",
                  Set.of("ec2.amazonaws.com"),
                  true,
                  why));
        }
        if (staging.get().drsAgentRoles()) {
          agentRoles
              .computeIfAbsent(
                  staging.get().name() + "|install",
                  k ->
                      new AgentRole(
                          staging.get().name(),
                          global,
                          t.name() + "-drs-agent-install",
                          "arn:" + partition + ":iam::aws:policy/AWSElasticDisasterRecoveryAgentInstallationPolicy",
                          new TreeSet<>(),
                          false,
                          why))
              .principals()
              .add("arn:" + partition + ":iam::" + source.get().id() + ":root");
        }
      }
    }
  }

  public List<AgentRole> agentRoles() {
    return List.copyOf(agentRoles.values());
  }

  public List<Endpoint> endpoints() {
    return endpoints;
  }

  public List<Zone> zones() {
    return List.copyOf(zones.values());
  }

  public List<Ingress> ingress() {
    return ingress;
  }

  public List<Route> routes() {
    return routes;
  }

  public List<Template> templates() {
    return templates;
  }

  public List<TgwPeering> tgwPeerings() {
    return tgwPeerings;
  }

  public List<List<TopologyTree.Vpc>> peerings() {
    return peerings;
  }
}
