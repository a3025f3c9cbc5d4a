package drslink.plan;

import java.util.Set;

/**
 * One {@code module} block with {@code for_each} holding every instance of a role that repeats per link or
 * per VPC (peerings, zone associations), for one set of provider configurations: Terraform expands a
 * block's instances inside one graph node, where one block per instance costs a node per resource each.
 * {@code shared} names the arguments that the providers already decide (the accepter's region and
 * account, the zones to associate, tags): written once on the block, not repeated per instance.
 */
public record ModuleGroup(String call, String comment, Set<String> shared) {
  public ModuleGroup {
    shared = Set.copyOf(shared);
  }
}
