package drslink.plan;

import java.util.List;

/**
 * One VPC read by the root's {@code data "aws_vpc"} block of its provider: a {@code for_each} entry keyed by
 * the VPC's name, whose postconditions stop plan when the VPC is not what the topology says. One block per
 * provider, not per VPC: Terraform validates a block once for all its instances.
 */
public record VpcLookup(String vpcName, String region, String providerAlias, String vpcId, List<String> cidrs) {
  public VpcLookup {
    cidrs = List.copyOf(cidrs);
  }

  /** The address of the VPC's instance: {@code data.aws_vpc.<provider alias>["<name>"]}. */
  public String address() {
    return address(providerAlias, vpcName);
  }

  static String address(String providerAlias, String vpcName) {
    return "data.aws_vpc." + providerAlias + "[\"" + vpcName + "\"]";
  }
}
