package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/** How two VPCs reach each other; one entry of {@code connectivity:}. */
public sealed interface Connectivity permits VpcPeering, TransitGatewayLink, ExistingLink {

  /** The two VPC names, in the order written (the first one requests a peering). */
  List<Located<String>> vpcs();

  SourceLocation at();

  /** The YAML {@code type} word. */
  String type();

  default boolean links(String a, String b) {
    List<String> names = vpcs().stream().map(Located::value).toList();
    return names.size() == 2 && (names.equals(List.of(a, b)) || names.equals(List.of(b, a)));
  }
}
