package drslink.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The parts of a topology file the harness needs, read from a plain Jackson YAML tree.
 *
 * <p>Deliberately independent of drslink's model classes: the harness must keep working while the
 * model changes, and it must not share a bug with the code it checks. Field names follow the input
 * contract (shared/spec/topology.md).
 */
public final class TopologyTree {

  /** {@code drsAgentRoles}: false only when the file says {@code drs_agent_roles: false}. */
  public record Account(String name, String id, String roleArn, boolean drsAgentRoles) {
    public boolean hasRole() {
      return roleArn != null && !roleArn.isBlank();
    }
  }

  public record Vpc(
      String name,
      String id,
      String region,
      String account,
      List<String> cidrs,
      List<String> routeTableIds,
      List<String> endpointSubnetIds,
      String stagingSubnetId,
      String existingEc2Endpoint,
      String existingS3GatewayEndpoint) {
    public Vpc {
      cidrs = List.copyOf(cidrs);
      routeTableIds = List.copyOf(routeTableIds);
      endpointSubnetIds = List.copyOf(endpointSubnetIds);
    }

    /** existing_staging_endpoints (docs/topology.md): endpoints made before drslink, never drslink's. */
    public List<String> existingStagingEndpoints() {
      List<String> out = new ArrayList<>();
      if (existingEc2Endpoint != null) {
        out.add(existingEc2Endpoint);
      }
      if (existingS3GatewayEndpoint != null) {
        out.add(existingS3GatewayEndpoint);
      }
      return out;
    }

    public String primaryCidr() {
      return cidrs.get(0);
    }

    public boolean hasFailbackPlacement() {
      return !endpointSubnetIds.isEmpty() && stagingSubnetId != null;
    }
  }

  public record TransitGateway(
      String region, String id, String routeTableId, String attachmentId) {}

  public record Connectivity(
      String type, List<String> vpcs, Map<String, TransitGateway> transitGateways) {
    public Connectivity {
      vpcs = List.copyOf(vpcs);
      transitGateways = Map.copyOf(transitGateways);
    }
  }

  /** An on-premises network (topology.md, "On-premises sources"): a source without a VPC. */
  public record OnPremises(String name, List<String> cidrs, String dns, List<String> failbackClientCidrs) {
    public OnPremises {
      cidrs = List.copyOf(cidrs);
      failbackClientCidrs = List.copyOf(failbackClientCidrs.isEmpty() ? cidrs : failbackClientCidrs);
    }

    public boolean usesResolver() {
      return "resolver_inbound".equals(dns);
    }
  }

  /** {@code manageTemplate} is false with {@code settings.manage_template: false}. */
  public record Replication(
      String name, List<String> sources, String target, boolean failback, boolean hasSettings, boolean manageTemplate) {
    public Replication {
      sources = List.copyOf(sources);
    }
  }

  private final String name;
  private final List<Account> accounts;
  private final List<Vpc> vpcs;
  private final List<OnPremises> onPremises;
  private final List<Connectivity> connectivity;
  private final List<Replication> replications;
  private final Map<String, String> endpointsVpcByRegion;

  private TopologyTree(
      String name,
      List<Account> accounts,
      List<Vpc> vpcs,
      List<OnPremises> onPremises,
      List<Connectivity> connectivity,
      List<Replication> replications,
      Map<String, String> endpointsVpcByRegion) {
    this.onPremises = List.copyOf(onPremises);
    this.name = name;
    this.endpointsVpcByRegion = Map.copyOf(endpointsVpcByRegion);
    this.accounts = List.copyOf(accounts);
    this.vpcs = List.copyOf(vpcs);
    this.connectivity = List.copyOf(connectivity);
    this.replications = List.copyOf(replications);
  }

  public static TopologyTree parse(String yamlText, ObjectMapper yaml) {
    JsonNode root;
    try {
      root = yaml.readTree(yamlText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("topology is not YAML: " + e.getOriginalMessage(), e);
    }
    List<Account> accounts = new ArrayList<>();
    for (JsonNode a : root.path("accounts")) {
      accounts.add(new Account(text(a, "name"), text(a, "id"), text(a, "role_arn"), !"false".equals(text(a, "drs_agent_roles"))));
    }
    List<Vpc> vpcs = new ArrayList<>();
    Map<String, String> endpointsVpcByRegion = new LinkedHashMap<>();
    for (JsonNode r : root.path("regions")) {
      String region = text(r, "name");
      if (text(r, "endpoints_vpc") != null) {
        endpointsVpcByRegion.putIfAbsent(region, text(r, "endpoints_vpc"));
      }
      for (JsonNode v : r.path("vpcs")) {
        List<String> cidrs = new ArrayList<>();
        cidrs.add(text(v, "cidr"));
        for (String c : texts(v.path("cidrs"))) {
          if (!cidrs.contains(c)) {
            cidrs.add(c);
          }
        }
        vpcs.add(
            new Vpc(
                text(v, "name"),
                text(v, "id"),
                region,
                text(v, "account"),
                cidrs,
                texts(v.path("route_table_ids")),
                texts(v.path("endpoint_subnet_ids")),
                text(v, "staging_subnet_id"),
                text(v.path("existing_staging_endpoints"), "ec2"),
                text(v.path("existing_staging_endpoints"), "s3_gateway")));
      }
    }
    List<OnPremises> onPremises = new ArrayList<>();
    for (JsonNode n : root.path("on_premises")) {
      onPremises.add(new OnPremises(text(n, "name"), texts(n.path("cidrs")), text(n, "dns"), texts(n.path("failback_client_cidrs"))));
    }
    List<Connectivity> connectivity = new ArrayList<>();
    for (JsonNode c : root.path("connectivity")) {
      Map<String, TransitGateway> tgws = new LinkedHashMap<>();
      c.path("transit_gateways")
          .properties()
          .forEach(
              e ->
                  tgws.put(
                      e.getKey(),
                      new TransitGateway(
                          e.getKey(),
                          text(e.getValue(), "id"),
                          text(e.getValue(), "route_table_id"),
                          text(e.getValue(), "attachment_id"))));
      connectivity.add(new Connectivity(text(c, "type"), texts(c.path("vpcs")), tgws));
    }
    List<Replication> replications = new ArrayList<>();
    for (JsonNode r : root.path("replication")) {
      replications.add(
          new Replication(
              text(r, "name"),
              texts(r.path("sources")),
              text(r, "target"),
              r.path("failback").asBoolean(false),
              r.has("settings") && !r.path("settings").isNull(),
              r.path("settings").path("manage_template").asBoolean(true)));
    }
    return new TopologyTree(
        text(root, "name"), accounts, vpcs, onPremises, connectivity, replications, endpointsVpcByRegion);
  }

  public String name() {
    return name;
  }

  public List<Account> accounts() {
    return accounts;
  }

  public List<Vpc> vpcs() {
    return vpcs;
  }

  public List<Connectivity> connectivity() {
    return connectivity;
  }

  public List<Replication> replications() {
    return replications;
  }

  public List<OnPremises> onPremises() {
    return onPremises;
  }

  public Optional<OnPremises> onPremises(String name) {
    return onPremises.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  public boolean isOnPremises(String name) {
    return onPremises(name).isPresent();
  }

  public Vpc vpc(String vpcName) {
    return vpcs.stream()
        .filter(v -> v.name().equals(vpcName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("topology has no VPC " + vpcName));
  }

  public Set<String> regions() {
    return vpcs.stream().map(Vpc::region).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The account a VPC lives in: its own {@code account}, else the only one listed, else none. */
  public Optional<Account> accountOf(Vpc vpc) {
    if (vpc.account() != null) {
      return accounts.stream().filter(a -> a.name().equals(vpc.account())).findFirst();
    }
    return accounts.size() == 1 ? Optional.of(accounts.get(0)) : Optional.empty();
  }

  /** The account name a VPC lives in, "" for the caller's own account. */
  public String accountNameOf(Vpc vpc) {
    return accountOf(vpc).map(Account::name).orElse("");
  }

  public boolean crossAccount(Vpc a, Vpc b) {
    return !accountNameOf(a).equals(accountNameOf(b));
  }

  /**
   * The VPC that hosts a region's DRS and S3 endpoints, shared by every replication and failback
   * landing there (one private zone per name per region, topology.md): the region's {@code
   * endpoints_vpc} when it names an eligible VPC, else the first eligible by name. Eligible are the
   * region's replication targets, or where none, the sources of failback replications with both
   * endpoint subnets and a staging subnet. Empty when nothing lands in the region.
   */
  public Optional<Vpc> endpointHost(String region) {
    TreeMap<String, Vpc> eligible = new TreeMap<>();
    for (Replication r : replications) {
      Vpc target = vpc(r.target());
      if (target.region().equals(region)) {
        eligible.put(target.name(), target);
      }
    }
    if (eligible.isEmpty()) {
      for (Replication r : replications) {
        if (!r.failback()) {
          continue;
        }
        r.sources().stream()
            .filter(name -> !isOnPremises(name))
            .map(this::vpc)
            .filter(v -> v.region().equals(region) && v.hasFailbackPlacement())
            .forEach(v -> eligible.put(v.name(), v));
      }
    }
    Vpc pinned = eligible.get(endpointsVpcByRegion.getOrDefault(region, ""));
    return pinned != null ? Optional.of(pinned) : eligible.values().stream().findFirst();
  }

  /** Every id of an existing AWS object the file refers to (what the moto fixture replaces). */
  public Set<String> referencedIds() {
    Set<String> ids = new LinkedHashSet<>();
    for (Vpc v : vpcs) {
      ids.add(v.id());
      ids.addAll(v.routeTableIds());
      ids.addAll(v.endpointSubnetIds());
      if (v.stagingSubnetId() != null) {
        ids.add(v.stagingSubnetId());
      }
    }
    for (Connectivity c : connectivity) {
      for (TransitGateway t : c.transitGateways().values()) {
        ids.add(t.id());
        ids.add(t.routeTableId());
        ids.add(t.attachmentId());
      }
    }
    ids.remove(null);
    return ids;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}
