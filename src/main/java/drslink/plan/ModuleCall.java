package drslink.plan;

import java.util.List;
import java.util.Map;

/**
 * A {@code module} block of the root. {@code providers} maps the module's provider names to root aliases
 * (in order); {@code resources} are the resources it creates, for {@code drslink plan}.
 */
public record ModuleCall(
    String label,
    String module,
    String comment,
    String region,
    String account,
    List<Map.Entry<String, String>> providers,
    List<Argument> arguments,
    List<PlannedResource> resources) {

  public ModuleCall {
    providers = List.copyOf(providers);
    arguments = List.copyOf(arguments);
    resources = List.copyOf(resources);
  }

  public String source() {
    return "./modules/" + module;
  }

  public String output(String name) {
    return "module." + label + "." + name;
  }
}
