package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The default worker count follows free memory, within bounds. */
class ConcurrentCasesTest {

  private static final long GIB = 1L << 30;

  @Test
  void workersFollowAvailableMemory() {
    assertEquals(2, ConcurrentCases.workersFor(2 * GIB), "a small machine still runs two");
    assertEquals(4, ConcurrentCases.workersFor(6 * GIB + GIB / 2));
    assertEquals(ConcurrentCases.MAX_DEFAULT_WORKERS, ConcurrentCases.workersFor(64 * GIB));
  }

  @Test
  void unknownMemoryKeepsTheOldDefault() {
    assertEquals(3, ConcurrentCases.workersFor(-1));
  }
}
