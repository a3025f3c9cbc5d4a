package drslink.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Background work: its result, and its failure as the joining thread would have thrown it. */
class BackgroundTest {

  @Test
  void startRunsTheWorkOnItsOwnThreadAndJoinReturnsItsResult() {
    Thread caller = Thread.currentThread();
    Background<Thread> work = Background.start("background-test", Thread::currentThread);
    Thread ran = work.join();
    assertNotEquals(caller, ran);
    assertEquals("background-test", ran.getName());
  }

  @Test
  void runHereRunsTheWorkOnTheCallingThread() {
    assertSame(Thread.currentThread(), Background.runHere(Thread::currentThread).join());
  }

  @Test
  void anUncheckedExceptionOrAnErrorReachesTheJoinerAsThrown() {
    IllegalArgumentException unchecked = new IllegalArgumentException("bad plan");
    AssertionError error = new AssertionError("a planner invariant");
    assertSame(unchecked, assertThrows(IllegalArgumentException.class, () -> Background.start("t", () -> { throw unchecked; }).join()));
    assertSame(error, assertThrows(AssertionError.class, () -> Background.start("t", () -> { throw error; }).join()));
  }

  @Test
  void aCheckedExceptionIsWrapped() {
    IOException checked = new IOException("template missing");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Background.start("t", () -> { throw checked; }).join());
    assertSame(checked, thrown.getCause());
  }
}
