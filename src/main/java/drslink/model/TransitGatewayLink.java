package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Both VPCs attach to a transit gateway in their own region; {@code gateways} is keyed by region code.
 * {@code gatewaysAt} is null only when {@code transit_gateways} was missing or unreadable (an error).
 */
public record TransitGatewayLink(List<Located<String>> vpcs, Map<String, TransitGatewaySide> gateways, SourceLocation gatewaysAt, SourceLocation at)
    implements Connectivity {
  public TransitGatewayLink {
    vpcs = List.copyOf(vpcs);
    gateways = Map.copyOf(gateways);
  }

  /**
   * The ids of both transit gateways, sorted, when both sides are given with their ids: links with the same pair
   * share one peering attachment, whichever VPC requests. A side without an id (an error already) has no pair.
   */
  public Optional<String> gatewayPair() {
    if (gateways.size() != 2 || gateways.values().stream().anyMatch(side -> side.id() == null)) {
      return Optional.empty();
    }
    return Optional.of(String.join("|", gateways.values().stream().map(side -> side.id().value()).sorted().toList()));
  }

  @Override
  public String type() {
    return "transit_gateway";
  }
}
