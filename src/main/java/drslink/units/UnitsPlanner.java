package drslink.units;

import drslink.plan.Argument;
import drslink.plan.Hcl;
import drslink.plan.ImportBlock;
import drslink.plan.LocalValue;
import drslink.plan.ModuleCall;
import drslink.plan.OutputValue;
import drslink.plan.Plan;
import drslink.plan.ProviderConfig;
import drslink.plan.Section;
import drslink.plan.VpcLookup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure function from the single root's {@link Plan} to its units: one root per (account, region) provider that
 * creates something, holding only that provider's resources.
 *
 * <p>A value one unit needs from another (an endpoint's DNS name for a zone's alias record, a zone id for an
 * association, a peering connection id for its acceptance) becomes a variable of the consumer and an output of the
 * producer, and an edge of the order. VPC ids need no edge: they are literals of the topology. When the
 * values make two (account, region) pairs need each other (failback across accounts: the recovery account's zone
 * aliases the source account's endpoint, and the source VPC then associates with that zone), the later resources
 * of a pair go to a second phase of it, so the units form no cycle (docs/units-layout.md "Phases").
 */
public final class UnitsPlanner {
  private static final Pattern MODULE_OUTPUT = Pattern.compile("module\\.([a-z0-9_]+(?:\\[\"[^\"]*\"\\])?)\\.([a-z0-9_]+)");
  private static final Pattern VPC_ID = Pattern.compile("data\\.aws_vpc\\.([a-z0-9_]+)\\[\"([^\"]*)\"\\]\\.id");
  private static final Pattern LOCAL = Pattern.compile("local\\.([a-z0-9_]+)");

  /** A module half placed in a unit, with what it takes from other halves. */
  private static final class Node {
    final ModuleCall call;
    final String alias;
    final String key;
    final String section;
    final List<ModuleSplit.PeerValue> fromPeers;
    final List<Node> sameProvider = new ArrayList<>();
    final List<Node> otherProvider = new ArrayList<>();
    int phase = -1;

    Node(ModuleSplit.Half half, String section) {
      this.call = half.call();
      this.alias = half.alias();
      this.key = half.key();
      this.fromPeers = half.fromPeers();
      this.section = section;
    }

    String address() {
      return call.address();
    }
  }

  public UnitsLayout plan(Plan plan) {
    ModuleSplit split = new ModuleSplit(plan.providers());
    List<Node> nodes = new ArrayList<>();
    for (Section section : plan.sections()) {
      for (ModuleCall call : section.modules()) {
        split.place(call).forEach(h -> nodes.add(new Node(h, section.title())));
      }
    }
    Map<String, Node> byKey = new HashMap<>();
    nodes.forEach(n -> byKey.put(n.key, n));
    for (Node n : nodes) {
      List<Node> producers = new ArrayList<>();
      moduleAddresses(n.call.arguments()).forEach(address -> producers.add(node(byKey, n, address)));
      n.fromPeers.forEach(v -> producers.add(node(byKey, n, v.producer())));
      for (Node d : producers) {
        (d.alias.equals(n.alias) ? n.sameProvider : n.otherProvider).add(d);
      }
    }
    nodes.forEach(UnitsPlanner::phase);
    Map<String, List<Integer>> phases = mergePhases(nodes);

    Map<String, ProviderConfig> providers = new LinkedHashMap<>();
    plan.providers().forEach(p -> providers.put(p.alias(), p));
    // unit dir by (alias, phase); phases are renumbered 1.. per provider after merging
    Map<String, String> dirs = new HashMap<>();
    Map<String, Integer> phaseNumbers = new HashMap<>();
    phases.forEach(
        (alias, list) -> {
          ProviderConfig p = providers.get(alias);
          for (int i = 0; i < list.size(); i++) {
            String dir = Unit.accountLabel(p) + "/" + p.region() + (i == 0 ? "" : "-phase-" + (i + 1));
            if (dirs.containsValue(dir)) {
              // account names are unique, and "default" stands only for a topology that names no account: a bug
              throw new IllegalStateException("two units would share the folder " + dir);
            }
            dirs.put(alias + "#" + list.get(i), dir);
            phaseNumbers.put(alias + "#" + list.get(i), i + 1);
          }
        });

    // which unit holds each node; a later phase of the same provider is reached like another unit
    Map<Node, String> dirOf = new HashMap<>();
    nodes.forEach(n -> dirOf.put(n, dirs.get(n.alias + "#" + n.phase)));
    Map<String, Set<String>> addressesByDir = new HashMap<>();
    nodes.forEach(n -> addressesByDir.computeIfAbsent(dirOf.get(n), k -> new HashSet<>()).add(n.address()));

    Map<String, Map<String, UnitInput>> inputs = new TreeMap<>();
    Map<String, Map<String, OutputValue>> handedOver = new TreeMap<>();
    Map<String, List<ModuleCall>> callsByDir = new LinkedHashMap<>();
    Map<String, List<String>> sectionsByDir = new HashMap<>();
    for (Node n : nodes) {
      String dir = dirOf.get(n);
      List<Argument> arguments = new ArrayList<>();
      for (Argument a : n.call.arguments()) {
        ModuleSplit.PeerValue peer = n.fromPeers.stream().filter(v -> v.argument().equals(a.name())).findFirst().orElse(null);
        Hcl value;
        if (peer != null) {
          Node from = byKey.get(peer.producer());
          value = dirOf.get(from).equals(dir) ? Hcl.ref(from.address() + "." + peer.output()) : handOver(dirOf.get(from), dir, from.address(), peer.output(), inputs, handedOver);
        } else {
          value = rewrite(a.value(), n, dir, byKey, dirOf, addressesByDir, plan, inputs, handedOver);
        }
        arguments.add(new Argument(a.name(), value));
      }
      ModuleCall c = n.call;
      callsByDir
          .computeIfAbsent(dir, k -> new ArrayList<>())
          .add(new ModuleCall(c.label(), c.module(), c.comment(), c.region(), c.account(), c.providers(), arguments, c.resources(), c.group(), c.key()));
      sectionsByDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(n.section);
    }

    List<Unit> units = new ArrayList<>();
    for (String key : dirs.keySet().stream().sorted(java.util.Comparator.comparing(dirs::get)).toList()) {
      String dir = dirs.get(key);
      String alias = key.substring(0, key.indexOf('#'));
      ProviderConfig provider = providers.get(alias);
      List<ModuleCall> calls = callsByDir.get(dir);
      List<String> titles = sectionsByDir.get(dir);
      Map<String, List<ModuleCall>> bySection = new LinkedHashMap<>();
      for (int i = 0; i < calls.size(); i++) {
        bySection.computeIfAbsent(titles.get(i), k -> new ArrayList<>()).add(calls.get(i));
      }
      List<Section> sections = bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
      Set<String> addresses = addressesByDir.get(dir);
      List<OutputValue> outputs = new ArrayList<>();
      plan.outputs().stream().map(o -> ownPart(o, addresses)).filter(o -> o != null).forEach(outputs::add);
      outputs.addAll(handedOver.getOrDefault(dir, Map.of()).values());
      List<ImportBlock> imports = plan.imports().stream().filter(i -> addresses.stream().anyMatch(a -> i.to().startsWith(a + "."))).toList();
      Set<String> localNames = new TreeSet<>();
      calls.forEach(c -> c.arguments().forEach(a -> refs(a.value()).forEach(r -> matches(LOCAL, r).forEach(m -> localNames.add(m[1])))));
      // a local that maps links to other modules keeps only this unit's entries (the others' users are elsewhere)
      List<LocalValue> locals =
          plan.locals().stream()
              .filter(l -> localNames.contains(l.name()))
              .map(l -> l.value() instanceof Hcl.MapOf map ? new LocalValue(l.name(), l.comment(), new Hcl.MapOf(map.entries().stream().filter(e -> own(e.getValue(), addresses)).toList())) : l)
              .toList();
      for (LocalValue l : locals) {
        refs(l.value()).forEach(r -> matches(MODULE_OUTPUT, r).forEach(m -> requireOwn(addresses, "module." + m[1], "local." + l.name())));
      }
      List<VpcLookup> vpcs = plan.vpcs().stream().filter(v -> v.providerAlias().equals(alias)).toList();
      Plan own =
          new Plan(
              plan.topologyName(),
              plan.source(),
              plan.requiredVersion(),
              plan.awsProviderVersion(),
              List.of(provider),
              plan.tags(),
              vpcs,
              locals,
              sections,
              imports,
              List.of(),
              outputs);
      List<UnitInput> unitInputs = List.copyOf(inputs.getOrDefault(dir, Map.of()).values());
      List<String> dependsOn = unitInputs.stream().map(UnitInput::fromDir).distinct().sorted().toList();
      units.add(new Unit(dir, provider, phaseNumbers.get(key), own, unitInputs, dependsOn));
    }
    UnitsLayout layout = new UnitsLayout(plan.topologyName(), plan.source(), units);
    layout.waves(); // throws on a cycle: a bug, the phases exist to prevent one
    return layout;
  }

  /** Phase from 0: a node takes a value of another provider's unit only from an earlier phase. */
  private static int phase(Node n) {
    if (n.phase == -2) {
      throw new IllegalStateException("module references form a cycle at " + n.address());
    }
    if (n.phase >= 0) {
      return n.phase;
    }
    n.phase = -2;
    int p = 0;
    for (Node d : n.sameProvider) {
      p = Math.max(p, phase(d));
    }
    for (Node d : n.otherProvider) {
      p = Math.max(p, phase(d) + 1);
    }
    n.phase = p;
    return p;
  }

  /**
   * The phases each provider keeps, after merging every phase into the one before it where the units stay free of
   * cycles: a topology whose units do not need each other both ways gets one unit per provider.
   */
  private static Map<String, List<Integer>> mergePhases(List<Node> nodes) {
    Map<String, TreeSet<Integer>> phases = new TreeMap<>();
    nodes.forEach(n -> phases.computeIfAbsent(n.alias, k -> new TreeSet<>()).add(n.phase));
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, TreeSet<Integer>> e : phases.entrySet()) {
        List<Integer> list = new ArrayList<>(e.getValue());
        for (int i = list.size() - 1; i > 0; i--) {
          int from = list.get(i);
          int into = list.get(i - 1);
          Map<Node, Integer> moved = new HashMap<>();
          nodes.stream().filter(n -> n.alias.equals(e.getKey()) && n.phase == from).forEach(n -> moved.put(n, into));
          if (acyclic(nodes, moved)) {
            moved.keySet().forEach(n -> n.phase = into);
            e.getValue().remove(from);
            changed = true;
          }
        }
      }
    }
    Map<String, List<Integer>> result = new TreeMap<>();
    phases.forEach((k, v) -> result.put(k, List.copyOf(v)));
    return result;
  }

  private static boolean acyclic(List<Node> nodes, Map<Node, Integer> moved) {
    Map<String, Set<String>> edges = new HashMap<>();
    for (Node n : nodes) {
      String to = n.alias + "#" + moved.getOrDefault(n, n.phase);
      List<Node> deps = new ArrayList<>(n.sameProvider);
      deps.addAll(n.otherProvider);
      for (Node d : deps) {
        String from = d.alias + "#" + moved.getOrDefault(d, d.phase);
        if (!from.equals(to)) {
          edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
      }
    }
    Map<String, Integer> state = new HashMap<>();
    for (String start : edges.keySet()) {
      if (cycleFrom(start, edges, state)) {
        return false;
      }
    }
    return true;
  }

  private static boolean cycleFrom(String unit, Map<String, Set<String>> edges, Map<String, Integer> state) {
    Integer s = state.get(unit);
    if (s != null) {
      return s == 1;
    }
    state.put(unit, 1);
    for (String next : edges.getOrDefault(unit, Set.of())) {
      if (cycleFrom(next, edges, state)) {
        return true;
      }
    }
    state.put(unit, 2);
    return false;
  }

  private static Node node(Map<String, Node> byKey, Node consumer, String key) {
    Node found = byKey.get(key);
    if (found == null) {
      throw new IllegalStateException(consumer.address() + " refers to " + key + ", which no unit holds whole");
    }
    return found;
  }

  private static Hcl rewrite(
      Hcl value,
      Node n,
      String dir,
      Map<String, Node> byKey,
      Map<Node, String> dirOf,
      Map<String, Set<String>> addressesByDir,
      Plan plan,
      Map<String, Map<String, UnitInput>> inputs,
      Map<String, Map<String, OutputValue>> handedOver) {
    if (value instanceof Hcl.ListOf l) {
      return new Hcl.ListOf(l.items().stream().map(i -> rewrite(i, n, dir, byKey, dirOf, addressesByDir, plan, inputs, handedOver)).toList());
    }
    if (value instanceof Hcl.MapOf m) {
      return new Hcl.MapOf(
          m.entries().stream()
              .map(e -> Map.entry(e.getKey(), rewrite(e.getValue(), n, dir, byKey, dirOf, addressesByDir, plan, inputs, handedOver)))
              .toList());
    }
    if (!(value instanceof Hcl.Ref r)) {
      return value;
    }
    Matcher vpc = VPC_ID.matcher(r.expression());
    if (vpc.matches()) {
      if (vpc.group(1).equals(n.alias)) {
        return value;
      }
      // Another account's or region's VPC: its id is in the topology, no need to read it (and no credentials to).
      return Hcl.str(plan.vpcs().stream().filter(v -> v.providerAlias().equals(vpc.group(1)) && v.vpcName().equals(vpc.group(2))).findFirst().orElseThrow().vpcId());
    }
    Matcher module = MODULE_OUTPUT.matcher(r.expression());
    if (module.matches()) {
      String address = "module." + module.group(1);
      if (addressesByDir.get(dir).contains(address)) {
        return value;
      }
      Node from = node(byKey, n, address);
      return handOver(dirOf.get(from), dir, address, module.group(2), inputs, handedOver);
    }
    if (r.expression().contains("module.") || r.expression().contains("data.aws_vpc.")) {
      throw new IllegalStateException("the units layout cannot place expression " + r.expression() + " of " + n.address());
    }
    return value;
  }

  /** Output {@code output} of {@code address} in unit {@code fromDir} as a variable of unit {@code toDir}. */
  private static Hcl handOver(
      String fromDir,
      String toDir,
      String address,
      String output,
      Map<String, Map<String, UnitInput>> inputs,
      Map<String, Map<String, OutputValue>> handedOver) {
    String expression = address + "." + output;
    String name = (address.substring("module.".length()) + "_" + output).replaceAll("[^a-z0-9_]+", "_").replaceAll("_+", "_");
    UnitInput input = new UnitInput(name, fromDir, expression, "Output " + output + " of " + address + " in unit " + fromDir + ".");
    UnitInput known = inputs.computeIfAbsent(toDir, k -> new TreeMap<>()).putIfAbsent(name, input);
    if (known != null && !known.equals(input)) {
      throw new IllegalStateException("two values of unit " + toDir + " would be variable " + name);
    }
    OutputValue out = new OutputValue(name, "For the units that take it as variable " + name + " (" + expression + ").", Hcl.ref(expression));
    OutputValue had = handedOver.computeIfAbsent(fromDir, k -> new TreeMap<>()).putIfAbsent(name, out);
    if (had != null && !had.equals(out)) {
      throw new IllegalStateException("two values of unit " + fromDir + " would be output " + name);
    }
    return Hcl.ref("var." + name);
  }

  /** The entries of a root output this unit can give: those whose references are all this unit's modules. */
  private static OutputValue ownPart(OutputValue output, Set<String> addresses) {
    if (output.value() instanceof Hcl.MapOf map) {
      List<Map.Entry<String, Hcl>> kept = map.entries().stream().filter(e -> own(e.getValue(), addresses)).toList();
      return kept.isEmpty() ? null : new OutputValue(output.name(), output.description(), new Hcl.MapOf(kept));
    }
    return own(output.value(), addresses) ? output : null;
  }

  private static boolean own(Hcl value, Set<String> addresses) {
    List<String> modules = new ArrayList<>();
    refs(value).forEach(r -> matches(MODULE_OUTPUT, r).forEach(m -> modules.add("module." + m[1])));
    return !modules.isEmpty() && addresses.containsAll(modules);
  }

  private static void requireOwn(Set<String> addresses, String address, String where) {
    if (!addresses.contains(address)) {
      throw new UnitsLayoutException(where + " refers to " + address + " of another unit; the units layout cannot split it yet (docs/units-layout.md \"Not supported yet\").");
    }
  }

  private static Set<String> moduleAddresses(List<Argument> arguments) {
    Set<String> out = new LinkedHashSet<>();
    arguments.forEach(a -> refs(a.value()).forEach(r -> matches(MODULE_OUTPUT, r).forEach(m -> out.add("module." + m[1]))));
    return out;
  }

  private static List<String> refs(Hcl value) {
    List<String> out = new ArrayList<>();
    if (value instanceof Hcl.Ref r) {
      out.add(r.expression());
    } else if (value instanceof Hcl.ListOf l) {
      l.items().forEach(i -> out.addAll(refs(i)));
    } else if (value instanceof Hcl.MapOf m) {
      m.entries().forEach(e -> out.addAll(refs(e.getValue())));
    }
    return out;
  }

  /** The groups of every match of {@code pattern} in {@code text}: index 1 is the first group. */
  private static List<String[]> matches(Pattern pattern, String text) {
    List<String[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      String[] groups = new String[m.groupCount() + 1];
      for (int i = 0; i <= m.groupCount(); i++) {
        groups[i] = m.group(i);
      }
      out.add(groups);
    }
    return out;
  }
}
