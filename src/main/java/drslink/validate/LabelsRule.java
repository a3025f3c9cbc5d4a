package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.Connectivity;
import drslink.model.DrsTemplateSites;
import drslink.model.OnPremNetwork;
import drslink.model.Replication;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.VpcPeering;
import drslink.util.Order;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every Terraform label drslink would generate is unique. Labels join names with '_' and turn '-' into '_'
 * (plan/Labels.java), so two legal pairs of names can meet: peerings of (x, y-z) and (x-y, z) are both
 * {@code peering_x_y_z}, and Terraform refuses a duplicate module or provider block at init ("Duplicate module
 * call"). The label families mirror the planners: plan/ConnectivityPlanner.java, EndpointPlanner.java,
 * TemplatePlanner.java (module labels) and Providers.java (provider aliases, their own namespace).
 */
final class LabelsRule implements Rule {
  private record Use(String label, String what, SourceLocation at) {}

  @Override
  public void check(Topology t, Diagnostics d) {
    report(moduleLabels(t), "module", d);
    report(providerAliases(t), "provider alias", d);
  }

  static String label(String... parts) {
    return String.join("_", parts).replace('-', '_');
  }

  private static List<Use> moduleLabels(Topology t) {
    VpcIndex vpcs = new VpcIndex(t);
    List<Use> uses = new ArrayList<>();
    Set<List<String>> pairs = new HashSet<>();
    for (Connectivity link : t.connectivity()) {
      if (link.vpcs().size() != 2 || !(link instanceof VpcPeering || link instanceof TransitGatewayLink)) {
        continue;
      }
      String a = link.vpcs().get(0).value();
      String b = link.vpcs().get(1).value();
      if (a.equals(b) || vpcs.get(a).isEmpty() || vpcs.get(b).isEmpty() || !pairs.add(List.copyOf(new TreeSet<>(List.of(a, b))))) {
        continue; // reported by ConnectivityRule; the planner never sees it
      }
      String family = link instanceof VpcPeering ? "peering" : "tgw_peering";
      uses.add(new Use(label(family, a, b), "the " + link.type() + " " + a + " <-> " + b, link.at()));
    }
    for (RegionInbound in : RegionInbound.of(t).values()) {
      uses.add(new Use(label("endpoints", in.hub.nameValue()), "the DRS endpoints in VPC " + in.hub.nameValue(), in.hub.name().at()));
      if (in.hub.isStagingPrivate()) {
        uses.add(new Use(label("private_staging", in.hub.nameValue()), "the private staging endpoints in VPC " + in.hub.nameValue(), in.hub.name().at()));
      }
      in.stagingVpcs.values().forEach(v -> uses.add(new Use(label("replication_sg", v.nameValue()), "the replication server security group in VPC " + v.nameValue(), v.name().at())));
      for (String service : List.of("drs", "s3")) {
        uses.add(new Use(label("dns", service, in.region), "the " + service + " zone of " + in.region, in.hub.name().at()));
      }
      for (Vpc consumer : in.associationVpcs()) {
        uses.add(new Use(label("dns", in.region, consumer.nameValue()), "the association of VPC " + consumer.nameValue() + " with the " + in.region + " zones", consumer.name().at()));
      }
    }
    // One template per (account, region), labelled after its provider alias (plan/TemplatePlanner.java).
    // Built once: asking StagingPlacement.of per source would be quadratic in a large file.
    StagingPlacement placement = StagingPlacement.of(t);
    for (DrsTemplateSites.Site site : DrsTemplateSites.of(t, placement).all()) {
      if (site.settings().managed()) {
        String alias = t.accounts().size() > 1 && site.account() != null ? label(site.account(), site.region()) : label(site.region());
        uses.add(new Use(label("drs_settings", alias), "the DRS template of " + site.region(), site.stagingVpc().name().at()));
      }
    }
    // On-premises sources: a resolver in the region's hub, a recovery group in each failback target.
    for (Replication r : t.replications()) {
      Optional<Vpc> target = vpcs.get(r.target().value());
      if (target.isEmpty()) {
        continue;
      }
      for (String source : r.sourceNames()) {
        Optional<OnPremNetwork> network = t.onPremises(source);
        if (network.isPresent() && network.get().usesResolver()) {
          placement.endpointVpc(target.get().region())
              .ifPresent(hub -> uses.add(new Use(label("resolver_inbound", hub.nameValue()), "the Resolver inbound endpoint in VPC " + hub.nameValue(), hub.name().at())));
        }
        if (network.isPresent() && r.failbackEnabled()) {
          uses.add(new Use(label("recovery_sg", target.get().nameValue()), "the recovery instance security group in VPC " + target.get().nameValue(), target.get().name().at()));
        }
      }
    }
    return uses;
  }

  /** One provider per (account, region) in use; qualified by account only when the file has several. */
  private static List<Use> providerAliases(Topology t) {
    if (t.accounts().size() < 2) {
      return List.of(); // aliases are region codes, which are distinct
    }
    List<Use> uses = new ArrayList<>();
    Set<List<String>> seen = new HashSet<>();
    for (Vpc vpc : t.vpcs()) {
      if (vpc.account() == null || t.account(vpc.account().value()).isEmpty() || !seen.add(List.of(vpc.account().value(), vpc.region()))) {
        continue;
      }
      uses.add(new Use(label(vpc.account().value(), vpc.region()), "the provider of account '" + vpc.account().value() + "' in " + vpc.region(), vpc.account().at()));
    }
    return uses;
  }

  private static void report(List<Use> uses, String kind, Diagnostics d) {
    Map<String, Use> first = new HashMap<>();
    for (Use use : uses.stream().sorted(Order.by(Use::at)).toList()) {
      Use earlier = first.putIfAbsent(use.label(), use);
      if (earlier == null || earlier.what().equals(use.what())) {
        continue;
      }
      d.error(
          "DRS115",
          use.at(),
          use.what() + " would get the Terraform " + kind + " label " + use.label() + ", which " + earlier.what() + " (line " + earlier.at().line() + ", column " + earlier.at().column()
              + ") already gets: drslink joins names with '_' and turns '-' into '_'",
          "rename one of the VPCs" + (kind.equals("module") ? "" : " or accounts") + " so that the labels differ");
    }
  }
}
