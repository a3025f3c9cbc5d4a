package drslink.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code module} block as main.tf prints it: a single instance, or a group's {@code for_each} block
 * whose instances carry their own arguments and the block the shared ones. Each instance argument is
 * written on the block as {@code each.value.<name>}, so the block reads like the module's interface.
 */
public record ModuleBlock(
    String label,
    String source,
    String comment,
    List<Map.Entry<String, String>> providers,
    List<Instance> instances,
    List<Argument> arguments) {

  /** One {@code for_each} entry: its key, why it exists, and its own argument values. */
  public record Instance(String key, String comment, List<Argument> arguments) {
    public Instance {
      arguments = List.copyOf(arguments);
    }
  }

  public ModuleBlock {
    providers = List.copyOf(providers);
    instances = List.copyOf(instances);
    arguments = List.copyOf(arguments);
  }

  public boolean forEach() {
    return !instances.isEmpty();
  }

  /** The blocks for a section's instances, a group's block where its first instance stands. */
  static List<ModuleBlock> of(List<ModuleCall> calls) {
    Map<String, List<ModuleCall>> byCall = new LinkedHashMap<>();
    calls.forEach(c -> byCall.computeIfAbsent(c.call(), k -> new ArrayList<>()).add(c));
    return byCall.values().stream().map(ModuleBlock::block).toList();
  }

  private static ModuleBlock block(List<ModuleCall> members) {
    ModuleCall first = members.get(0);
    if (first.group() == null) {
      return new ModuleBlock(first.label(), first.source(), first.comment(), first.providers(), List.of(), first.arguments());
    }
    ModuleGroup group = first.group();
    List<String> names = first.arguments().stream().map(Argument::name).toList();
    List<Instance> instances = new ArrayList<>();
    for (ModuleCall member : members) {
      // The planner builds one group from one provider pairing and one module: anything else is a bug.
      if (!member.arguments().stream().map(Argument::name).toList().equals(names)
          || !member.providers().equals(first.providers())
          || !member.module().equals(first.module())) {
        throw new IllegalStateException("module " + group.call() + " mixes instances of different shapes: " + member.label());
      }
      List<Argument> own = member.arguments().stream().filter(a -> !group.shared().contains(a.name())).toList();
      instances.add(new Instance(member.key(), member.comment(), own));
    }
    List<Argument> arguments = new ArrayList<>();
    for (Argument a : first.arguments()) {
      if (group.shared().contains(a.name())) {
        // The planner gives a group's members the same shared values by construction. Checked where assertions are on
        // (every test run, -ea): comparing the values links each argument record's equals, which a one-source generate
        // paid for in start-up time (docs/performance.md, stop 31).
        assert members.stream().allMatch(m -> m.arguments().get(names.indexOf(a.name())).equals(a))
            : "module " + group.call() + ": shared argument " + a.name() + " differs between instances";
        arguments.add(a);
      } else {
        arguments.add(new Argument(a.name(), Hcl.ref("each.value." + a.name())));
      }
    }
    return new ModuleBlock(group.call(), first.source(), group.comment(), first.providers(), instances, arguments);
  }
}
