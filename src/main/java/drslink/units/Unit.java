package drslink.units;

import drslink.plan.Plan;
import drslink.plan.ProviderConfig;
import java.util.List;

/**
 * One root of the units layout: what one (account, region) provider creates, in {@code dir} relative to the output
 * folder. {@code phase} counts from 1; a second phase of the same account and region exists only when its
 * resources need a value that another unit can only make after this account's first phase (docs/units-layout.md).
 * {@code plan} is the unit's own root, printed like any root; {@code inputs} are its variables from other units,
 * {@code dependsOn} the dirs of the units to apply first, sorted.
 */
public record Unit(String dir, ProviderConfig provider, int phase, Plan plan, List<UnitInput> inputs, List<String> dependsOn) {
  public Unit {
    inputs = List.copyOf(inputs);
    dependsOn = List.copyOf(dependsOn);
  }

  /** The account label of the dir: the account's name, or {@code default} when the topology names no accounts. */
  public String accountLabel() {
    return accountLabel(provider);
  }

  static String accountLabel(ProviderConfig provider) {
    return provider.accountName() == null ? "default" : provider.accountName();
  }
}
