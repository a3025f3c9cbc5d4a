package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

/** A link managed elsewhere: drslink creates nothing for it but knows the VPCs can reach each other. */
public record ExistingLink(List<Located<String>> vpcs, SourceLocation at) implements Connectivity {
  public ExistingLink {
    vpcs = List.copyOf(vpcs);
  }

  @Override
  public String type() {
    return "existing";
  }
}
