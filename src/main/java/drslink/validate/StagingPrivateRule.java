package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.DrsTemplateSites;
import drslink.model.Located;
import drslink.model.StagingEndpoints;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code staging_private} (drslink's addition to the contract) adds the EC2 interface endpoint and S3 gateway
 * endpoint a staging subnet without internet needs. They go next to the region's DRS endpoints, so the flag
 * only means something on that VPC, and the gateway endpoint needs the staging route tables. The failback
 * landing of another account than the hub's gets no zones and no endpoints (docs/failback.md, "The failback
 * landing of another account"), so without an internet path its replication servers could reach neither DRS
 * nor S3: that case gets its own message. {@code existing_staging_endpoints} names endpoints that already exist, which
 * only a private staging area would otherwise create.
 */
final class StagingPrivateRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    StagingPlacement placement = model.placement();
    Map<String, Vpc> reusedBy = new HashMap<>();
    for (Vpc vpc : t.vpcs()) {
      StagingEndpoints reused = vpc.existingStagingEndpoints();
      if (reused != null && !vpc.isStagingPrivate()) {
        d.error(
            "DRS135",
            reused.at(),
            "existing_staging_endpoints on " + vpc.nameValue() + " without staging_private: true: drslink creates staging endpoints only for a private staging area, so there is nothing to reuse",
            "set staging_private: true on " + vpc.nameValue() + ", or remove existing_staging_endpoints");
      }
      if (reused != null) {
        // An endpoint has one service and one VPC, so one id cannot stand for two of them.
        for (Located<String> id : reused.ids()) {
          Vpc earlier = reusedBy.putIfAbsent(id.value(), vpc);
          if (earlier != null) {
            d.error(
                "DRS136",
                id.at(),
                "endpoint " + id.value() + " is named twice" + (earlier.equals(vpc) ? " in " + vpc.nameValue() + ", for ec2 and s3_gateway" : ", by " + earlier.nameValue() + " and " + vpc.nameValue())
                    + ": an endpoint serves one service in one VPC",
                "give the id of the EC2 interface endpoint under ec2 and that of the S3 gateway endpoint under s3_gateway, each of the VPC it sits in");
          }
        }
      }
      if (!vpc.isStagingPrivate()) {
        continue;
      }
      Optional<Vpc> endpoints = placement.endpointVpc(vpc.region());
      Optional<DrsTemplateSites.Site> failbackLanding =
          model.templateSites().stream().filter(site -> site.stagingVpc().equals(vpc) && !site.failbacks().isEmpty()).findFirst();
      if (endpoints.isPresent() && !endpoints.get().equals(vpc) && failbackLanding.isPresent()) {
        d.error(
            "DRS110",
            vpc.stagingPrivate().at(),
            "staging_private cannot work on " + vpc.nameValue() + ", the failback landing of " + (failbackLanding.get().account() == null ? "the pipeline's account" : "account " + failbackLanding.get().account()) + " in " + vpc.region()
                + ": the region's DRS and S3 endpoints and zones are in " + endpoints.get().nameValue() + " (another account), " + vpc.nameValue()
                + " does not resolve them, and without an internet path its replication servers would reach neither DRS nor S3",
            "remove staging_private from " + vpc.nameValue() + " and give its staging subnet a default route to a NAT gateway or a transit gateway with internet egress");
      } else if (endpoints.isEmpty() || !endpoints.get().equals(vpc)) {
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
