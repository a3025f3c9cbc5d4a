package harness.terraform;

/**
 * A root that has been applied and destroys itself: {@link #destroy()} is the test's own step
 * (it throws when destroy fails); {@link #close()} destroys only if that step was not reached, as
 * cleanup after a failure, and reports a failing cleanup on stderr so the test's own error stays
 * the one that counts. Use it in try-with-resources or get it from {@link AppliedRoots}.
 */
public final class AppliedRoot implements AutoCloseable {
  private final Terraform terraform;
  private boolean destroyed;

  private AppliedRoot(Terraform terraform) {
    this.terraform = terraform;
  }

  /** Applies the root (with no exclusions) and returns it, already owning its cleanup. */
  public static AppliedRoot apply(Terraform terraform) {
    return apply(terraform, java.util.List.of());
  }

  /**
   * Applies with {@code excludes}. If the apply itself fails, whatever it created is destroyed
   * before the failure is rethrown.
   */
  public static AppliedRoot apply(Terraform terraform, java.util.Collection<String> excludes) {
    AppliedRoot root = new AppliedRoot(terraform);
    try {
      terraform.apply(excludes);
    } catch (RuntimeException e) {
      root.close();
      throw e;
    }
    return root;
  }

  public Terraform terraform() {
    return terraform;
  }

  public boolean destroyed() {
    return destroyed;
  }

  /** Destroys now; a failure fails the test. */
  public void destroy() {
    terraform.destroy();
    destroyed = true;
  }

  @Override
  public void close() {
    if (!destroyed) {
      destroyed = true;
      terraform.destroyQuietly(terraform.options().label());
    }
  }
}
