package drslink.model.derived;

/**
 * Terraform labels derived from names in the topology, never from list positions, so that adding or
 * removing an unrelated entry renames nothing already deployed. Names are validated to
 * {@code [a-z][a-z0-9-]*}, so turning '-' into '_' cannot make two names collide.
 */
public final class Labels {
  private Labels() {}

  public static String of(String... parts) {
    return String.join("_", parts).replace('-', '_');
  }
}
