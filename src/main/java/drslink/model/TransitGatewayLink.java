package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;
import java.util.Map;

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

  @Override
  public String type() {
    return "transit_gateway";
  }
}
