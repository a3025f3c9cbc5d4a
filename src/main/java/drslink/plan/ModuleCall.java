package drslink.plan;

import java.util.List;
import java.util.Map;

/**
 * One module instance of the root. {@code providers} maps the module's provider names to root aliases
 * (in order); {@code resources} are the resources it creates, for {@code drslink plan}.
 *
 * <p>Without a {@code group} the instance is its own {@code module "label"} block. With one it is the
 * {@code key} instance of the group's {@code for_each} block, and {@code label} is only the address
 * drslink 0.1.0 gave it as a block of its own, kept for the {@code moved} block that carries its state over.
 */
public record ModuleCall(
    String label,
    String module,
    String comment,
    String region,
    String account,
    List<Map.Entry<String, String>> providers,
    List<Argument> arguments,
    List<PlannedResource> resources,
    ModuleGroup group,
    String key) {

  public ModuleCall {
    providers = List.copyOf(providers);
    arguments = List.copyOf(arguments);
    resources = List.copyOf(resources);
    if ((group == null) != (key == null)) {
      throw new IllegalArgumentException("a grouped module instance needs a key, and only it: " + label);
    }
  }

  /** A module block of its own. */
  public ModuleCall(
      String label,
      String module,
      String comment,
      String region,
      String account,
      List<Map.Entry<String, String>> providers,
      List<Argument> arguments,
      List<PlannedResource> resources) {
    this(label, module, comment, region, account, providers, arguments, resources, null, null);
  }

  public String source() {
    return "./modules/" + module;
  }

  /** The label of the module block this instance belongs to. */
  public String call() {
    return group == null ? label : group.call();
  }

  /** The instance's address: {@code module.label} or {@code module.call["key"]}. */
  public String address() {
    return addressOf(group, label, key);
  }

  public String output(String name) {
    return address() + "." + name;
  }

  /** The address of an instance before the module block for it exists, for its resources' addresses. */
  static String addressOf(ModuleGroup group, String label, String key) {
    return group == null ? "module." + label : "module." + group.call() + "[\"" + key + "\"]";
  }
}
