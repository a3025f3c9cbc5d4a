package drslink.model;

import drslink.diag.SourceLocation;
import java.util.List;

public record VpcPeering(List<Located<String>> vpcs, SourceLocation at) implements Connectivity {
  public VpcPeering {
    vpcs = List.copyOf(vpcs);
  }

  @Override
  public String type() {
    return "vpc_peering";
  }
}
