package drslink.parse;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.Account;
import drslink.model.Connectivity;
import drslink.model.ExistingLink;
import drslink.model.Located;
import drslink.model.OnPremNetwork;
import drslink.model.Region;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.StagingEndpoints;
import drslink.model.TerraformSettings;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcPeering;
import drslink.parse.YNode.Entry;
import drslink.parse.YNode.YMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the YAML tree into the typed {@link Topology}, reporting the shape problems (unknown keys, wrong
 * types, missing keys). Meaning (ids, references, overlaps) is the validator's job. Entries too broken to
 * read are left out, so one run still reports every other problem.
 */
public final class TopologyReader {
  public static final Set<String> TOP_KEYS =
      Set.of("version", "name", "tags", "terraform", "accounts", "regions", "on_premises", "connectivity", "replication", "acknowledge");
  public static final Set<String> TERRAFORM_KEYS = Set.of("required_version", "aws_provider_version");
  public static final Set<String> ACCOUNT_KEYS = Set.of("name", "id", "role_arn", "drs_agent_roles");
  public static final Set<String> REGION_KEYS = Set.of("name", "vpcs", "endpoints_vpc");
  public static final Set<String> VPC_KEYS =
      Set.of("name", "id", "cidr", "cidrs", "account", "route_table_ids", "endpoint_subnet_ids", "staging_subnet_id", "staging_private", "existing_staging_endpoints");
  public static final Set<String> STAGING_ENDPOINT_KEYS = Set.of("ec2", "s3_gateway");
  public static final Set<String> ON_PREMISES_KEYS = Set.of("name", "cidrs", "dns", "failback_client_cidrs");
  public static final Set<String> CONNECTIVITY_KEYS = Set.of("type", "vpcs", "transit_gateways");
  public static final Set<String> GATEWAY_KEYS = Set.of("id", "route_table_id", "attachment_id");
  public static final Set<String> REPLICATION_KEYS = Set.of("name", "sources", "target", "failback", "settings", "recovery_subnet_id", "recovery_security_group_ids");
  public static final Set<String> SETTINGS_KEYS =
      Set.of(
          "replication_server_instance_type",
          "ebs_encryption",
          "ebs_encryption_key_arn",
          "bandwidth_throttling",
          "pit_retention_days",
          "existing_template_id",
          "manage_template");
  public static final List<String> CONNECTIVITY_TYPES = List.of("vpc_peering", "transit_gateway", "existing");

  private final Diagnostics diagnostics;

  public TopologyReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public Optional<Topology> read(String file, YNode root) {
    Optional<MapReader> top = MapReader.of(root, "the topology", TOP_KEYS, diagnostics);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = top.get();
    Located<Integer> version = m.integer("version", true, "add 'version: 1' at the top of the file");
    Located<String> name = m.string("name", true, "add 'name: <topology-name>', e.g. name: tokyo-osaka");
    Map<String, Located<String>> tags = m.stringMap("tags");
    TerraformSettings terraform = terraform(m);
    List<Account> accounts = new ArrayList<>();
    for (YNode node : m.list("accounts", false, null)) {
      account(node).ifPresent(accounts::add);
    }
    List<Region> regions = new ArrayList<>();
    for (YNode node : m.list("regions", true, "list the regions and their VPCs under 'regions:'")) {
      region(node).ifPresent(regions::add);
    }
    List<OnPremNetwork> onPremises = new ArrayList<>();
    for (YNode node : m.list("on_premises", false, null)) {
      onPremises(node).ifPresent(onPremises::add);
    }
    List<Connectivity> connectivity = new ArrayList<>();
    for (YNode node : m.list("connectivity", false, null)) {
      connectivity(node).ifPresent(connectivity::add);
    }
    List<Replication> replications = new ArrayList<>();
    for (YNode node : m.list("replication", true, "add at least one entry under 'replication:' with sources and a target")) {
      replication(node).ifPresent(replications::add);
    }
    m.finishUnknownKeys();
    return Optional.of(
        new Topology(file, root.at(), version, name, tags, terraform, accounts, regions, onPremises, connectivity, replications));
  }

  private TerraformSettings terraform(MapReader top) {
    SourceLocation at = top.at();
    Optional<YNode> node = top.node("terraform");
    if (node.isEmpty()) {
      return defaults(at);
    }
    Optional<MapReader> reader = MapReader.of(node.get(), "terraform", TERRAFORM_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return defaults(at);
    }
    MapReader m = reader.get();
    Located<String> requiredVersion = m.string("required_version", false, null);
    Located<String> providerVersion = m.string("aws_provider_version", false, null);
    m.finishUnknownKeys();
    return new TerraformSettings(
        requiredVersion != null ? requiredVersion : new Located<>(TerraformSettings.DEFAULT_REQUIRED_VERSION, m.at()),
        providerVersion != null ? providerVersion : new Located<>(TerraformSettings.DEFAULT_AWS_PROVIDER_VERSION, m.at()));
  }

  private static TerraformSettings defaults(SourceLocation at) {
    return new TerraformSettings(
        new Located<>(TerraformSettings.DEFAULT_REQUIRED_VERSION, at),
        new Located<>(TerraformSettings.DEFAULT_AWS_PROVIDER_VERSION, at));
  }

  private Optional<Account> account(YNode node) {
    return MapReader.of(node, "an account", ACCOUNT_KEYS, diagnostics)
        .map(
            m -> {
              Account account =
                  new Account(
                      m.string("name", true, "name the account, e.g. name: prod"),
                      m.digits("id", true, "add the 12-digit account id, e.g. id: \"111122223333\""),
                      m.string("role_arn", false, null),
                      m.bool("drs_agent_roles"));
              m.finishUnknownKeys();
              return account;
            })
        .filter(a -> a.name() != null); // kept without a readable id so its VPCs still find it
  }

  private Optional<Region> region(YNode node) {
    Optional<MapReader> reader = MapReader.of(node, "a region", REGION_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = reader.get();
    Located<String> name = m.string("name", true, "add the region code, e.g. name: ap-northeast-1");
    List<Vpc> vpcs = new ArrayList<>();
    for (YNode vpcNode : m.list("vpcs", true, "list the region's VPCs under 'vpcs:'")) {
      vpc(vpcNode, name == null ? "" : name.value()).ifPresent(vpcs::add);
    }
    Located<String> endpointsVpc = m.string("endpoints_vpc", false, null);
    m.finishUnknownKeys();
    return name == null ? Optional.empty() : Optional.of(new Region(name, vpcs, endpointsVpc));
  }

  private Optional<Vpc> vpc(YNode node, String region) {
    Optional<MapReader> reader = MapReader.of(node, "a VPC", VPC_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = reader.get();
    Located<String> name = m.string("name", true, "name the VPC, e.g. name: app");
    Located<String> id = m.string("id", true, "add the existing VPC's id, e.g. id: vpc-0a1b2c3d4e5f67890");
    Located<String> cidr = m.string("cidr", true, "add the VPC's primary CIDR, e.g. cidr: 10.10.0.0/16");
    List<Located<String>> cidrs = new ArrayList<>();
    if (cidr != null) {
      cidrs.add(cidr);
    }
    cidrs.addAll(m.strings("cidrs", false, null));
    Vpc vpc =
        new Vpc(
            name,
            region,
            id,
            cidrs,
            m.string("account", false, null),
            m.strings("route_table_ids", false, null),
            m.strings("endpoint_subnet_ids", false, null),
            m.string("staging_subnet_id", false, null),
            m.bool("staging_private"),
            m.entry("existing_staging_endpoints").flatMap(this::stagingEndpoints).orElse(null),
            m.at());
    m.finishUnknownKeys();
    // A VPC with a broken id or cidr is kept (that error is already reported) so that the connectivity
    // and replication naming it do not also report "unknown VPC".
    return name == null ? Optional.empty() : Optional.of(vpc);
  }

  /** Located at its key, where an error about the whole mapping points. */
  private Optional<StagingEndpoints> stagingEndpoints(Entry entry) {
    return MapReader.of(entry.value(), "existing_staging_endpoints", STAGING_ENDPOINT_KEYS, diagnostics)
        .map(
            m -> {
              StagingEndpoints endpoints = new StagingEndpoints(m.string("ec2", false, null), m.string("s3_gateway", false, null), entry.keyAt());
              m.finishUnknownKeys();
              return endpoints;
            });
  }

  private Optional<OnPremNetwork> onPremises(YNode node) {
    Optional<MapReader> reader = MapReader.of(node, "an on-premises network", ON_PREMISES_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = reader.get();
    Located<String> name = m.string("name", true, "name the network, e.g. name: dc-kita");
    OnPremNetwork network =
        new OnPremNetwork(
            name,
            m.strings("cidrs", true, "list the servers' IPv4 CIDRs as AWS sees them, e.g. cidrs: [192.168.0.0/16]"),
            m.string("dns", false, null),
            m.strings("failback_client_cidrs", false, null),
            m.at());
    m.finishUnknownKeys();
    return name == null ? Optional.empty() : Optional.of(network);
  }

  private Optional<Connectivity> connectivity(YNode node) {
    Optional<MapReader> reader = MapReader.of(node, "a connectivity entry", CONNECTIVITY_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = reader.get();
    Located<String> type = m.string("type", true, "add type: vpc_peering, transit_gateway or existing");
    List<Located<String>> vpcs = m.strings("vpcs", true, "name the two linked VPCs, e.g. vpcs: [app, dr]");
    m.finishUnknownKeys();
    if (type != null && !CONNECTIVITY_TYPES.contains(type.value())) {
      String suggestion = drslink.diag.Suggestions.didYouMean(type.value(), CONNECTIVITY_TYPES);
      diagnostics.error(
          "DRS016",
          type.at(),
          "unknown connectivity type '" + type.value() + "'",
          suggestion.isEmpty() ? "use vpc_peering, transit_gateway or existing" : suggestion);
    }
    if (type == null || !CONNECTIVITY_TYPES.contains(type.value())) {
      // The type error is already reported and nothing will be generated. Standing in as an existing
      // link keeps the two VPCs linked, so the replication over it does not also get "no connectivity".
      return Optional.of(new ExistingLink(vpcs, m.at()));
    }
    if (!type.value().equals("transit_gateway") && m.has("transit_gateways")) {
      diagnostics.error(
          "DRS017",
          m.entry("transit_gateways").get().keyAt(),
          "'transit_gateways' applies only to type transit_gateway",
          "remove it, or set type: transit_gateway");
    }
    return switch (type.value()) {
      case "vpc_peering" -> Optional.of(new VpcPeering(vpcs, m.at()));
      case "existing" -> Optional.of(new ExistingLink(vpcs, m.at()));
      default -> Optional.of(transitGateway(m, vpcs));
    };
  }

  private TransitGatewayLink transitGateway(MapReader m, List<Located<String>> vpcs) {
    Map<String, TransitGatewaySide> sides = new LinkedHashMap<>();
    Optional<Entry> entry = m.entry("transit_gateways");
    // Null when the gateways cannot be read: that is reported here, and "no entry for <region>" would repeat it.
    SourceLocation gatewaysAt = entry.filter(e -> e.value() instanceof YMap).map(Entry::keyAt).orElse(null);
    if (entry.isEmpty()) {
      diagnostics.error(
          "DRS012",
          m.at(),
          "missing required key 'transit_gateways' in a transit_gateway connectivity entry",
          "give id, route_table_id and attachment_id of the transit gateway in each of the two regions");
    } else if (!(entry.get().value() instanceof YMap byRegion)) {
      diagnostics.error("DRS013", entry.get().value().at(), "'transit_gateways' must be a mapping of region codes", "write one 'region: { id, route_table_id, attachment_id }' per region");
    } else {
      for (Entry regionEntry : byRegion.entries()) {
        MapReader.of(regionEntry.value(), "transit_gateways." + regionEntry.key(), GATEWAY_KEYS, diagnostics)
            .ifPresent(
                g -> {
                  String hint = "give id, route_table_id and attachment_id for " + regionEntry.key();
                  sides.put(
                      regionEntry.key(),
                      new TransitGatewaySide(
                          new Located<>(regionEntry.key(), regionEntry.keyAt()),
                          g.string("id", true, hint),
                          g.string("route_table_id", true, hint),
                          g.string("attachment_id", true, hint),
                          g.at()));
                  g.finishUnknownKeys();
                });
      }
    }
    return new TransitGatewayLink(vpcs, sides, gatewaysAt, m.at());
  }

  private Optional<Replication> replication(YNode node) {
    Optional<MapReader> reader = MapReader.of(node, "a replication", REPLICATION_KEYS, diagnostics);
    if (reader.isEmpty()) {
      return Optional.empty();
    }
    MapReader m = reader.get();
    Located<String> name = m.string("name", true, "name the replication, e.g. name: app-to-osaka");
    List<Located<String>> sources = m.strings("sources", true, "list the source VPC names, e.g. sources: [app]");
    Located<String> target = m.string("target", true, "name the target VPC, e.g. target: dr");
    Located<Boolean> failback = m.bool("failback");
    ReplicationSettings settings = m.node("settings").flatMap(this::settings).orElse(null);
    Located<String> recoverySubnet = m.string("recovery_subnet_id", false, null);
    List<Located<String>> recoveryGroups = m.strings("recovery_security_group_ids", false, null);
    m.finishUnknownKeys();
    if (name == null || target == null) {
      return Optional.empty();
    }
    return Optional.of(new Replication(name, sources, target, failback, settings, recoverySubnet, recoveryGroups == null ? List.of() : recoveryGroups, m.at()));
  }

  private Optional<ReplicationSettings> settings(YNode node) {
    return MapReader.of(node, "settings", SETTINGS_KEYS, diagnostics)
        .map(
            m -> {
              SourceLocation at = m.at();
              Located<String> instanceType = m.string("replication_server_instance_type", false, null);
              Located<String> encryption = m.string("ebs_encryption", false, null);
              Located<Integer> bandwidth = m.integer("bandwidth_throttling", false, null);
              Located<Integer> retention = m.integer("pit_retention_days", false, null);
              ReplicationSettings settings =
                  new ReplicationSettings(
                      instanceType != null ? instanceType : new Located<>(ReplicationSettings.DEFAULT_INSTANCE_TYPE, at),
                      encryption != null ? encryption : new Located<>(ReplicationSettings.DEFAULT_EBS_ENCRYPTION, at),
                      m.string("ebs_encryption_key_arn", false, null),
                      bandwidth != null ? bandwidth : new Located<>(ReplicationSettings.DEFAULT_BANDWIDTH_THROTTLING, at),
                      retention != null ? retention : new Located<>(ReplicationSettings.DEFAULT_PIT_RETENTION_DAYS, at),
                      m.string("existing_template_id", false, null),
                      m.bool("manage_template"),
                      at);
              m.finishUnknownKeys();
              return settings;
            });
  }
}
