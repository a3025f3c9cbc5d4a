package drslink.model;

import java.util.List;

/**
 * A region and its VPCs. {@code endpointsVpc} (drslink's addition to the contract, optional, null when
 * absent) names the VPC that hosts the region's shared DRS and S3 endpoints and zones, so that a target
 * added later cannot move them; see {@link StagingPlacement}.
 */
public record Region(Located<String> name, List<Vpc> vpcs, Located<String> endpointsVpc) {
  public Region {
    vpcs = List.copyOf(vpcs);
  }
}
