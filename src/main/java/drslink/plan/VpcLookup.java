package drslink.plan;

import java.util.List;

/** A {@code data "aws_vpc"} block with the postconditions that stop plan when the VPC is not what the topology says. */
public record VpcLookup(String label, String vpcName, String region, String providerAlias, String vpcId, List<String> cidrs) {
  public VpcLookup {
    cidrs = List.copyOf(cidrs);
  }

  public String idRef() {
    return "data.aws_vpc." + label + ".id";
  }
}
