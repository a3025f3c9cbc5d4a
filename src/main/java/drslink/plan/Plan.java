package drslink.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the generated root will contain, decided: providers, VPC lookups, module calls grouped in
 * sections, outputs and the modules to vendor: infrastructure only. What the generated README says about it is
 * built afterwards from this plan and the model ({@link GuidePlanner}). Templates only print it.
 */
public record Plan(
    String topologyName,
    String source,
    String requiredVersion,
    String awsProviderVersion,
    List<ProviderConfig> providers,
    List<Map.Entry<String, String>> tags,
    List<VpcLookup> vpcs,
    List<LocalValue> locals,
    List<Section> sections,
    List<ImportBlock> imports,
    List<MovedBlock> moved,
    List<OutputValue> outputs) {

  public Plan {
    providers = List.copyOf(providers);
    tags = List.copyOf(tags);
    vpcs = List.copyOf(vpcs);
    locals = List.copyOf(locals);
    sections = List.copyOf(sections);
    imports = List.copyOf(imports);
    moved = List.copyOf(moved);
    outputs = List.copyOf(outputs);
  }

  /** The VPC lookups by provider alias, in the providers' order: one {@code data "aws_vpc"} block each. */
  public Map<String, List<VpcLookup>> vpcsByProvider() {
    Map<String, List<VpcLookup>> byProvider = new LinkedHashMap<>();
    providers.forEach(p -> vpcs.stream().filter(v -> v.providerAlias().equals(p.alias())).forEach(v -> byProvider.computeIfAbsent(p.alias(), k -> new ArrayList<>()).add(v)));
    return byProvider;
  }

  public List<ModuleCall> modules() {
    return sections.stream().flatMap(s -> s.modules().stream()).toList();
  }

  /** Module folders the output uses, sorted; only these are copied into its modules/. */
  public List<String> vendoredModules() {
    return modules().stream().map(ModuleCall::module).distinct().sorted().toList();
  }

  public List<PlannedResource> resources() {
    Stream<PlannedResource> lookups =
        vpcs.stream()
            .map(
                v -> {
                  ProviderConfig p = providers.stream().filter(x -> x.alias().equals(v.providerAlias())).findFirst().orElseThrow();
                  return new PlannedResource(p.region(), p.accountName(), v.address(), "aws_vpc", "checks VPC " + v.vpcName() + " exists with its CIDR and DNS enabled");
                });
    return Stream.concat(lookups, modules().stream().flatMap(m -> m.resources().stream())).toList();
  }
}
