package drslink.render;

import drslink.plan.Plan;
import drslink.plan.PlannedResource;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The one way drslink counts a plan, for {@code plan} (every format), {@code generate} and the generated README:
 * resources to create, data sources to read (the VPC lookups, which create nothing), and the distinct regions and
 * accounts they are in. An (account, region) pair is a provider, not a region.
 */
public record ResourceCount(long create, long read, int regions, int accounts) {

  public static ResourceCount of(Plan plan) {
    return of(plan.resources());
  }

  public static ResourceCount of(Collection<PlannedResource> resources) {
    long read = resources.stream().filter(ResourceCount::isRead).count();
    TreeSet<String> regions = new TreeSet<>();
    TreeSet<String> accounts = new TreeSet<>();
    for (PlannedResource r : resources) {
      regions.add(r.region());
      accounts.add(Objects.requireNonNullElse(r.account(), ""));
    }
    return new ResourceCount(resources.size() - read, read, regions.size(), accounts.size());
  }

  /** A data source: Terraform reads it and creates nothing. */
  public static boolean isRead(PlannedResource r) {
    return r.address().startsWith("data.");
  }

  /** "22 to create and 2 to read (data sources) in 2 regions", with the accounts when there are several. */
  public String sentence() {
    return create + " to create and " + read + " to read (data sources) in " + plural(regions, "region") + (accounts > 1 ? " and " + plural(accounts, "account") : "");
  }

  static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
