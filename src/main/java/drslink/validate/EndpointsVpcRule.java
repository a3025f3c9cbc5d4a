package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.Suggestions;
import drslink.model.Located;
import drslink.model.Region;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.List;
import java.util.Optional;

/**
 * {@code endpoints_vpc} (drslink's addition to the contract) pins the VPC that hosts a region's shared DRS
 * and S3 endpoints and zones. It must name a VPC of that region that could host them anyway: a replication
 * target there, or, in a region only failback lands in, a failback source with both subnets.
 */
final class EndpointsVpcRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    StagingPlacement placement = model.placement();
    for (Region region : t.regions()) {
      Located<String> pin = region.endpointsVpc();
      if (pin == null) {
        continue;
      }
      String code = region.name().value();
      List<String> regionVpcs = region.vpcs().stream().map(Vpc::nameValue).toList();
      Optional<Vpc> named = t.vpc(pin.value());
      if (named.isEmpty()) {
        String suggestion = Suggestions.didYouMean(pin.value(), regionVpcs);
        d.error(
            "DRS112",
            pin.at(),
            "endpoints_vpc names '" + pin.value() + "', which is not a VPC of this file",
            suggestion.isEmpty() ? "name a VPC listed under this region" : suggestion);
        continue;
      }
      Vpc vpc = named.get();
      if (!vpc.region().equals(code)) {
        d.error(
            "DRS113",
            pin.at(),
            "endpoints_vpc names " + vpc.nameValue() + ", a VPC of " + vpc.region() + ", not of " + code,
            regionVpcs.isEmpty() ? "remove endpoints_vpc" : "name a VPC of " + code + ": " + String.join(", ", regionVpcs));
        continue;
      }
      List<String> eligible = placement.eligibleHubs(code).stream().map(Vpc::nameValue).toList();
      if (eligible.isEmpty()) {
        d.warning(
            "DRS104",
            pin.at(),
            "endpoints_vpc has no effect: no replication targets " + code + " and no failback lands there",
            "remove endpoints_vpc, or keep it for a replication you will add");
      } else if (!eligible.contains(vpc.nameValue())) {
        d.error(
            "DRS114",
            pin.at(),
            "VPC " + vpc.nameValue() + " cannot host the " + code + " endpoints: "
                + (placement.targetsIn(code).isEmpty()
                    ? "only a source of a failback replication with endpoint_subnet_ids and staging_subnet_id can"
                    : "only a replication target of " + code + " can"),
            "name one of: " + String.join(", ", eligible));
      }
    }
  }
}
