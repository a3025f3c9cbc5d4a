package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.List;

/** Runs every rule of the contract; one broken rule instance is one diagnostic, all reported in one run. */
public final class TopologyValidator {
  private final List<Rule> rules =
      List.of(
          new NamesRule(),
          new RegionsRule(),
          new FormatsRule(),
          new AccountsRule(),
          new ConnectivityRule(),
          new SharedPeeringRule(),
          new OnPremisesRule(),
          new ReplicationRule(),
          new SettingsRule(),
          new TemplatesRule(),
          new EndpointsVpcRule(),
          new StagingPrivateRule(),
          new ReachabilityRule(),
          new AdviceRule(),
          new TagsRule(),
          new VersionConstraintsRule(),
          new PartitionsRule(),
          new IdentityRule(),
          new CredentialsRule(),
          new VpcCidrsRule(),
          new QuotasRule(),
          new PeeringRoutesRule());

  public void validate(Topology topology, Diagnostics diagnostics) {
    validate(ReplicationModel.of(topology), diagnostics);
  }

  /**
   * Runs the rules over the model the pipeline worked out once for this topology: every rule asks it who
   * replicates into which hub, as the planner does, instead of working that out again.
   */
  public void validate(ReplicationModel model, Diagnostics diagnostics) {
    rules.forEach(rule -> rule.check(model.topology(), model, diagnostics));
  }
}
