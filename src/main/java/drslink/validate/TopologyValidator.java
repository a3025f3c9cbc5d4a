package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
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
    rules.forEach(rule -> rule.check(topology, diagnostics));
  }
}
