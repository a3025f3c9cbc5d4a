package harness.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import harness.terraform.TerraformMessagesTest.FakeRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An applied root destroys itself exactly once: after a failure, never after the test's own destroy. */
class AppliedRootsTest {

  @TempDir Path tmp;

  private Terraform terraform(FakeRuntime fake) throws Exception {
    Path root = Files.createDirectories(tmp.resolve("case").resolve("root"));
    return new Terraform(
        fake,
        TerraformOptions.builder(root).noRetries().timeBetweenRetries(Duration.ZERO).build());
  }

  private static String verb(List<String> args) {
    return args.get(0);
  }

  @Test
  void rootLeftStandingByTheTestIsDestroyedAfterIt() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "applied", "").answer(0, "destroyed", "");
    AppliedRoots roots = new AppliedRoots();
    AppliedRoot root = roots.apply(terraform(fake));
    assertFalse(root.destroyed());
    roots.afterEach(null);
    assertEquals(List.of("apply", "destroy"), fake.calls.stream().map(AppliedRootsTest::verb).toList());
    assertTrue(root.destroyed());
    roots.afterEach(null);
    assertEquals(2, fake.calls.size(), "a second cleanup does nothing");
  }

  @Test
  void registeredResourcesCloseAfterTheRootsAppliedLater() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "", "").answer(0, "", "");
    List<String> events = new java.util.ArrayList<>();
    AppliedRoots roots = new AppliedRoots();
    roots.register(() -> events.add("workspace deleted after " + fake.calls.size() + " commands"));
    roots.apply(terraform(fake));
    roots.afterEach(null);
    assertEquals(List.of("workspace deleted after 2 commands"), events, "destroy ran first");
  }

  @Test
  void destroyedByTheTestMeansNoSecondDestroy() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "", "").answer(0, "", "");
    try (AppliedRoot root = AppliedRoot.apply(terraform(fake))) {
      root.destroy();
    }
    assertEquals(List.of("apply", "destroy"), fake.calls.stream().map(AppliedRootsTest::verb).toList());
  }

  @Test
  void failingCleanupDoesNotHideTheTestsOwnFailure() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "", "").answer(1, "", "Error: destroy broke");
    AssertionError own =
        assertThrows(
            AssertionError.class,
            () -> {
              try (AppliedRoot root = AppliedRoot.apply(terraform(fake))) {
                throw new AssertionError("the test's own failure");
              }
            });
    assertEquals("the test's own failure", own.getMessage());
    assertEquals(List.of("apply", "destroy"), fake.calls.stream().map(AppliedRootsTest::verb).toList());
  }

  @Test
  void failedApplyDestroysWhatItCreatedAndRethrows() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(1, "", "Error: half applied").answer(0, "", "");
    Terraform tf = terraform(fake);
    ToolException e = assertThrows(ToolException.class, () -> AppliedRoot.apply(tf));
    assertTrue(e.getMessage().contains("half applied"), e.getMessage());
    assertEquals(List.of("apply", "destroy"), fake.calls.stream().map(AppliedRootsTest::verb).toList());
  }

  @Test
  void explicitDestroyFailureFailsTheTest() throws Exception {
    FakeRuntime fake = new FakeRuntime().answer(0, "", "").answer(1, "", "Error: stuck");
    AppliedRoot root = AppliedRoot.apply(terraform(fake));
    assertThrows(ToolException.class, root::destroy);
    assertFalse(root.destroyed());
  }
}
