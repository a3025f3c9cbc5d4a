package drslink.e2e;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Runs a test method once more when its only failure is a create that met an object of the same
 * name ({@link ConcurrentCases#writeSentTwice}): what a write the SDK sent a second time meets when
 * moto's answer to the first attempt was lost, which failed stop 30's CI once. ConcurrentCases does
 * the same for the suites that run their cases through it; this is for the suites whose test bodies
 * make their own moto and workspace ({@code UnitsLayoutIT}, {@code StableAddressesIT},
 * {@code LiveChecksIT}), so a second run starts from nothing. A template that really creates an
 * object twice fails the second run as well, so no proof is lost; the first failure is printed, and
 * kept as suppressed when the second fails too. moto's log, with the call the SDK sent again, is
 * kept beside the run (MotoServer).
 */
final class RetryAWriteSentTwice implements InvocationInterceptor {

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation, ReflectiveInvocationContext<Method> context, ExtensionContext extension)
      throws Throwable {
    proceedRetrying(invocation, context, extension.getDisplayName());
  }

  @Override
  public void interceptTestTemplateMethod(
      Invocation<Void> invocation, ReflectiveInvocationContext<Method> context, ExtensionContext extension)
      throws Throwable {
    proceedRetrying(invocation, context, extension.getDisplayName());
  }

  static void proceedRetrying(Invocation<Void> invocation, ReflectiveInvocationContext<Method> context, String name)
      throws Throwable {
    ConcurrentCases.onceMoreAfterAWriteSentTwice(
        name, invocation::proceed, () -> invokeAgain(context), () -> "moto's log is kept beside the run (target/e2e-logs)");
  }

  /** The test method once more, on the same instance and arguments; what it throws, unwrapped. */
  private static void invokeAgain(ReflectiveInvocationContext<Method> context) throws Throwable {
    Method test = context.getExecutable();
    test.setAccessible(true);
    try {
      test.invoke(context.getTarget().orElse(null), context.getArguments().toArray());
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
