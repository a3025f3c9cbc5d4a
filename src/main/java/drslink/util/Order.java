package drslink.util;

import java.util.Comparator;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Comparators by key, as {@link Comparator#comparing} and its kin build them, but from plain lambdas. The JDK's are
 * serializable lambdas, which the class-data-sharing archive cannot hold, so each of those factories generates a
 * class the first time it runs: about 3 ms each on every start (README "Performance"). OrderTest holds them to the
 * JDK's results.
 */
public final class Order {
  private Order() {}

  public static <T, U extends Comparable<? super U>> Comparator<T> by(Function<? super T, ? extends U> key) {
    return (a, b) -> key.apply(a).compareTo(key.apply(b));
  }

  public static <T> Comparator<T> byInt(ToIntFunction<? super T> key) {
    return (a, b) -> Integer.compare(key.applyAsInt(a), key.applyAsInt(b));
  }

  public static <T> Comparator<T> byLong(ToLongFunction<? super T> key) {
    return (a, b) -> Long.compare(key.applyAsLong(a), key.applyAsLong(b));
  }

  /** {@code first}, and {@code next} among the ones {@code first} finds equal. */
  @SafeVarargs
  public static <T> Comparator<T> then(Comparator<? super T> first, Comparator<? super T>... next) {
    return (a, b) -> {
      int c = first.compare(a, b);
      for (int i = 0; c == 0 && i < next.length; i++) {
        c = next[i].compare(a, b);
      }
      return c;
    };
  }
}
