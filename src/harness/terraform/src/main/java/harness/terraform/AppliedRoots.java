package harness.terraform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: {@code @RegisterExtension final AppliedRoots roots = new AppliedRoots();},
 * then {@code roots.apply(terraform)} in a test. Every root applied that way and not destroyed by
 * the test is destroyed after it, newest first, pass or fail: no "destroy on failure" block in the
 * test. Each root is also {@link AutoCloseable} for try-with-resources.
 *
 * <p>What the root needs until its destroy (the folder holding its state, say) is handed to {@link
 * #register}: it is closed after the roots applied later, so the cleanup destroy still finds it.
 */
public final class AppliedRoots implements AfterEachCallback {
  private final Deque<AutoCloseable> roots = new ArrayDeque<>();

  /** Applies the root now; it is destroyed after the test unless the test destroyed it. */
  public AppliedRoot apply(Terraform terraform) {
    return apply(terraform, List.of());
  }

  public AppliedRoot apply(Terraform terraform, java.util.Collection<String> excludes) {
    return register(AppliedRoot.apply(terraform, excludes));
  }

  /** Closes {@code resource} after the test, after every root applied after this call. */
  public <T extends AutoCloseable> T register(T resource) {
    synchronized (roots) {
      roots.push(resource);
    }
    return resource;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeAll();
  }

  /**
   * Destroys every root still standing and closes every registered resource, newest first; every
   * one is closed even when one fails, and the first failure is thrown at the end.
   */
  public void closeAll() {
    List<AutoCloseable> newestFirst;
    synchronized (roots) {
      newestFirst = new ArrayList<>(roots);
      roots.clear();
    }
    Cleanup.closeAll(newestFirst);
  }
}
