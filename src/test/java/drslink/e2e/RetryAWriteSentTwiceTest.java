package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/** The extension that runs a test once more after a write sent twice, on a test class of its own. */
class RetryAWriteSentTwiceTest {

  /** A stand-in test: each run counts, and fails with what the field says. */
  static final class Subject {
    int runs;
    RuntimeException failWith;

    void test(String argument) {
      runs++;
      if (failWith != null) {
        throw failWith;
      }
    }
  }

  private static final RuntimeException SENT_TWICE =
      new IllegalStateException("tofu apply: exit 1: InvalidChangeBatch: Tried to create resource record set [name='drs.ap-northeast-3.amazonaws.com.', type='A'] but it already exists");

  @Test
  void aWriteSentTwiceRunsTheTestOnceMore() throws Throwable {
    Subject subject = new Subject();
    subject.runs = 1; // the first run, which JUnit made and which failed
    RetryAWriteSentTwice.proceedRetrying(failing(SENT_TWICE), context(subject), "case");
    assertEquals(2, subject.runs);
  }

  @Test
  void anyOtherFailureFailsAtOnce() {
    Subject subject = new Subject();
    RuntimeException other = new IllegalStateException("tofu apply: exit 1: InvalidSubnet.Range");
    assertSame(other, assertThrows(IllegalStateException.class, () -> RetryAWriteSentTwice.proceedRetrying(failing(other), context(subject), "case")));
    assertEquals(0, subject.runs, "not run again");
  }

  @Test
  void aTemplateThatReallyCreatesTwiceFailsTheSecondRunWithTheFirstKept() {
    Subject subject = new Subject();
    RuntimeException again = new IllegalStateException("EntityAlreadyExists: Role with name x already exists");
    subject.failWith = again;
    Throwable thrown = assertThrows(IllegalStateException.class, () -> RetryAWriteSentTwice.proceedRetrying(failing(SENT_TWICE), context(subject), "case"));
    assertSame(again, thrown);
    assertEquals(List.of(SENT_TWICE), List.of(thrown.getSuppressed()));
    assertEquals(1, subject.runs);
  }

  private static Invocation<Void> failing(RuntimeException failure) {
    return () -> {
      throw failure;
    };
  }

  private static ReflectiveInvocationContext<Method> context(Subject subject) throws NoSuchMethodException {
    Method test = Subject.class.getDeclaredMethod("test", String.class);
    return new ReflectiveInvocationContext<>() {
      @Override
      public Class<?> getTargetClass() {
        return Subject.class;
      }

      @Override
      public Method getExecutable() {
        return test;
      }

      @Override
      public List<Object> getArguments() {
        return List.of("argument");
      }

      @Override
      public Optional<Object> getTarget() {
        return Optional.of(subject);
      }
    };
  }
}
