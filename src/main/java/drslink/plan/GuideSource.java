package drslink.plan;

import drslink.model.DrsTemplateSites;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.Objects;
import java.util.Optional;

/** What every guide contributor reads: the finished plan and the model it was planned from. */
record GuideSource(Plan plan, ReplicationModel model, Providers providers) {
  GuideSource(Plan plan, ReplicationModel model) {
    this(plan, model, new Providers(model.topology()));
  }

  Topology topology() {
    return model.topology();
  }

  ProviderConfig providerOf(Vpc vpc) {
    return providers.of(vpc);
  }

  /** The DRS template module the plan holds for a site; empty with {@code manage_template: false}. */
  Optional<ModuleCall> templateModule(DrsTemplateSites.Site site) {
    ProviderConfig provider = providerOf(site.stagingVpc());
    return plan.modules().stream()
        .filter(m -> m.module().equals(TemplatePlanner.MODULE) && m.region().equals(provider.region()) && Objects.equals(m.account(), provider.accountName()))
        .findFirst();
  }

  /** Whether the plan holds {@code module} (one of AgentRolePlanner's) in {@code account}. */
  boolean hasModule(String module, String account) {
    return plan.modules().stream().anyMatch(m -> m.module().equals(module) && Objects.equals(m.account(), account));
  }

  /** The plan's transit gateway peering of a pair of gateways ({@code TransitGatewayLink.gatewayPair}). */
  ModuleCall pairPeering(String pairKey) {
    return plan.modules().stream().filter(m -> m.module().equals(ConnectivityPlanner.PAIR_MODULE) && pairKey.equals(m.key())).findFirst().orElseThrow();
  }
}
