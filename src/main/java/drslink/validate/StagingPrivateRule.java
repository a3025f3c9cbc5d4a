package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.Optional;

/**
 * {@code staging_private} (drslink's addition to the contract) adds the EC2 interface endpoint and S3 gateway
 * endpoint a staging subnet without internet needs. They go next to the region's DRS endpoints, so the flag
 * only means something on that VPC, and the gateway endpoint needs the staging route tables.
 */
final class StagingPrivateRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    StagingPlacement placement = model.placement();
    for (Vpc vpc : t.vpcs()) {
      if (!vpc.isStagingPrivate()) {
        continue;
      }
      Optional<Vpc> endpoints = placement.endpointVpc(vpc.region());
      if (endpoints.isEmpty() || !endpoints.get().equals(vpc)) {
        d.error(
            "DRS110",
            vpc.stagingPrivate().at(),
            "staging_private applies to the VPC that hosts the DRS endpoints of " + vpc.region()
                + (endpoints.isPresent() ? " (" + endpoints.get().nameValue() + "), not " + vpc.nameValue() : "; no replication lands in " + vpc.region()),
            "set staging_private on the target VPC of the region, or remove it");
      } else if (vpc.routeTableIds().isEmpty()) {
        d.error(
            "DRS111",
            vpc.stagingPrivate().at(),
            "staging_private needs the route tables of the staging subnet for the S3 gateway endpoint",
            "add route_table_ids: [rtb-...] to VPC " + vpc.nameValue());
      }
    }
  }
}
