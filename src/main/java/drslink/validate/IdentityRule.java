package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.diag.SourceLocation;
import drslink.model.Connectivity;
import drslink.model.Located;
import drslink.model.Topology;
import drslink.model.TransitGatewayLink;
import drslink.model.TransitGatewaySide;
import drslink.model.Vpc;
import drslink.model.VpcIndex;
import drslink.model.derived.ReplicationModel;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route table or subnet belongs to exactly one VPC, a transit gateway to one region, a transit gateway
 * route table to one transit gateway, and a VPC attachment to one VPC (shared/spec/domain.md section 8,
 * "Identity"; https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html,
 * https://docs.aws.amazon.com/vpc/latest/tgw/tgw-vpc-attachments.html). The same id under two owners means
 * one of them is a copy-paste slip, and the routes or endpoints drslink builds there would fail or land elsewhere.
 */
final class IdentityRule implements Rule {
  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    Owners owners = new Owners(d);
    for (Vpc vpc : t.vpcs()) {
      String owner = "VPC " + vpc.nameValue();
      vpc.routeTableIds().forEach(id -> owners.claim("route table", "VPC", id, owner));
      vpc.endpointSubnetIds().forEach(id -> owners.claim("subnet", "VPC", id, owner));
      if (vpc.stagingSubnetId() != null) {
        owners.claim("subnet", "VPC", vpc.stagingSubnetId(), owner);
      }
    }
    VpcIndex vpcs = new VpcIndex(t);
    for (Connectivity link : t.connectivity()) {
      if (!(link instanceof TransitGatewayLink tgw)) {
        continue;
      }
      List<Vpc> ends = link.vpcs().stream().map(n -> vpcs.get(n.value())).flatMap(Optional::stream).toList();
      // In file order: the map does not keep it, and the first one written is the one the message calls first.
      for (TransitGatewaySide side : tgw.gateways().values().stream().sorted(Comparator.comparing(TransitGatewaySide::at)).toList()) {
        String region = side.region().value();
        if (side.id() != null) {
          owners.claim("transit gateway", "region", side.id(), "region " + region);
        }
        if (side.routeTableId() != null && side.id() != null) {
          owners.claim("transit gateway route table", "transit gateway", side.routeTableId(), "transit gateway " + side.id().value() + " (" + region + ")");
        }
        Optional<Vpc> attached = ends.stream().filter(v -> v.region().equals(region)).findFirst();
        if (side.attachmentId() != null && attached.isPresent()) {
          owners.claim("transit gateway attachment", "VPC", side.attachmentId(), "VPC " + attached.get().nameValue() + " (" + region + ")");
        }
      }
    }
  }

  /** The first owner seen for each id, and where. */
  private static final class Owners {
    private record Claim(String owner, SourceLocation at) {}

    private final Map<String, Claim> first = new HashMap<>();
    private final Diagnostics d;

    Owners(Diagnostics d) {
      this.d = d;
    }

    void claim(String kind, String ownerKind, Located<String> id, String owner) {
      Claim earlier = first.putIfAbsent(kind + " " + id.value(), new Claim(owner, id.at()));
      if (earlier == null || earlier.owner().equals(owner)) {
        return; // a repeat under the same owner is DRS044's, or harmless
      }
      d.error(
          "DRS123",
          id.at(),
          "'" + id.value() + "' is given as a " + kind + " of " + owner + " and of " + earlier.owner() + " (line " + earlier.at().line() + ", column " + earlier.at().column() + "); a " + kind + " belongs to exactly one " + ownerKind,
          "check the id against the AWS console; list it only under the " + ownerKind + " it belongs to");
    }
  }
}
