package drslink.plan;

import drslink.model.Connectivity;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pure function from a validated topology to the {@link Plan}: no I/O, no clock, no environment.
 * Every list is sorted by a stable key so that the same topology always gives byte-identical output.
 */
public final class Planner {

  /** {@code source} is how the generated headers name the input file. */
  public Plan plan(Topology topology, String source) {
    return plan(ReplicationModel.of(topology), source);
  }

  /** Plans from the model the pipeline worked out once for this topology (and validated with). */
  public Plan plan(ReplicationModel model, String source) {
    Topology topology = model.topology();
    Providers providers = new Providers(topology);
    EndpointPlanner endpointPlanner = new EndpointPlanner(model, providers);
    TemplatePlanner templatePlanner = new TemplatePlanner(providers);

    List<Section> sections = new ArrayList<>();
    List<EndpointPlanner.RegionPlan> regionPlans = new ArrayList<>();
    model.hubs()
        .forEach(
            (region, inbound) -> {
              EndpointPlanner.RegionPlan regionPlan = endpointPlanner.plan(inbound);
              regionPlans.add(regionPlan);
              sections.add(new Section(region + ": DRS endpoints, replication security groups and private DNS", regionPlan.modules()));
            });

    List<Connectivity> links = links(topology);
    ConnectivityPlanner connectivityPlanner = new ConnectivityPlanner(topology, providers, links);
    List<ModuleCall> linkModules = links.stream().map(connectivityPlanner::plan).flatMap(List::stream).toList();
    if (!linkModules.isEmpty()) {
      sections.add(new Section("Connectivity between VPCs", linkModules));
    }
    List<TemplatePlanner.TemplatePlan> templates = model.templateSites().stream().map(templatePlanner::plan).toList();
    List<ModuleCall> settings = templates.stream().map(TemplatePlanner.TemplatePlan::module).filter(m -> m != null).toList();
    if (!settings.isEmpty()) {
      sections.add(new Section("DRS replication settings: one template per account and region, the default for every new source server", settings));
    }
    AgentRolePlanner.AgentRoles agentRoles = new AgentRolePlanner(topology, providers).plan(templates);
    if (!agentRoles.modules().isEmpty()) {
      sections.add(new Section("IAM for DRS agents of other accounts: an instance profile in each source account, an installation role where they register", agentRoles.modules()));
    }
    List<ImportBlock> imports = templates.stream().flatMap(t -> templatePlanner.imports(t).stream()).toList();
    List<MovedBlock> moved = new ArrayList<>(templates.stream().flatMap(t -> templatePlanner.moved(t).stream()).toList());
    // drslink 0.1.0 addresses: '-' became '_' and names were joined with '_', so two links such as (x, y-z) and
    // (x-y, z) had the same 0.1.0 label. Today's instances are keyed by the names themselves and never meet; a
    // 0.1.0 label two of them share is left without a moved block (no 0.1.0 root could hold both, and which one
    // it held cannot be known), so the output is the same on every regeneration.
    List<ModuleCall> grouped = sections.stream().flatMap(s -> s.modules().stream()).filter(m -> m.group() != null).toList();
    Map<String, Long> labelUses = grouped.stream().collect(java.util.stream.Collectors.groupingBy(ModuleCall::label, TreeMap::new, java.util.stream.Collectors.counting()));
    // Transit gateway links moved twice (0.1.0, then the peering keyed by gateway pair): the connectivity planner
    // writes their whole chain.
    grouped.stream()
        .filter(m -> labelUses.get(m.label()) == 1 && !m.module().startsWith("tgw-peering"))
        .forEach(m -> moved.add(new MovedBlock("module." + m.label(), m.address(), null)));
    moved.addAll(connectivityPlanner.moved());

    List<VpcLookup> lookups =
        topology.vpcs().stream()
            .sorted(Comparator.comparing(Vpc::nameValue))
            .map(v -> new VpcLookup(v.nameValue(), v.region(), providers.of(v).alias(), v.id().value(), v.cidrValues()))
            .toList();

    Map<String, String> tags = new TreeMap<>();
    topology.tags().forEach((k, v) -> tags.put(k, v.value()));

    return new Plan(
        topology.name().value(),
        source,
        topology.terraform().requiredVersion().value(),
        topology.terraform().awsProviderVersion().value(),
        providers.all(),
        List.copyOf(tags.entrySet()),
        lookups,
        List.of(),
        sections,
        imports,
        moved,
        new OutputPlanner().plan(regionPlans, linkModules, settings));
  }

  /**
   * The connectivity entries in the planner's order: by the names of their two ends. Each key is made once, not at
   * each comparison (with 1,000 links the sort made 10 MB of keys).
   */
  static List<Connectivity> links(Topology topology) {
    return topology.connectivity().stream()
        .map(link -> Map.entry(linkKey(link), link))
        .sorted(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue)
        .toList();
  }

  private static String linkKey(Connectivity link) {
    return String.join("|", new TreeSet<>(link.vpcs().stream().map(Located::value).toList()));
  }
}
