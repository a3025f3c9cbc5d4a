package drslink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import drslink.diag.Diagnostic;
import drslink.diag.SourceLocation;
import drslink.model.Account;
import drslink.model.Located;
import drslink.model.Vpc;
import drslink.plan.Argument;
import drslink.plan.Hcl;
import drslink.plan.ProviderConfig;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Some records write out equals and hashCode for start-up time (README "Performance"). Each must still compare every
 * component, as the generated ones do: one component changed makes the two unequal, equal ones hash alike. A
 * component added later without updating them fails here.
 */
class RecordMethodsTest {
  @ParameterizedTest
  @ValueSource(
      classes = {
        Vpc.class, Located.class, Account.class, SourceLocation.class, Diagnostic.class, ProviderConfig.class, Argument.class,
        Hcl.Str.class, Hcl.Ref.class, Hcl.Bool.class, Hcl.Num.class, Hcl.ListOf.class, Hcl.MapOf.class
      })
  void comparesEveryComponent(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] first = Arrays.stream(components).map(c -> sample(c.getType(), 0)).toArray();
    Object a = construct(type, first);
    Object b = construct(type, first.clone());
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    for (int i = 0; i < components.length; i++) {
      Object[] changed = first.clone();
      changed[i] = sample(components[i].getType(), 1);
      assertNotEquals(a, construct(type, changed), type.getSimpleName() + " ignores " + components[i].getName());
    }
    assertNotEquals(a, null);
    assertNotEquals(a, "not a " + type.getSimpleName());
  }

  private static Object construct(Class<?> type, Object[] values) throws Exception {
    Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
    Constructor<?> canonical = type.getDeclaredConstructor(types);
    canonical.setAccessible(true);
    return canonical.newInstance(values);
  }

  /** Two different values of a component's type (index 0 or 1). */
  private static Object sample(Class<?> type, int which) {
    if (type == String.class || type == Object.class) {
      return which == 0 ? "a" : "b";
    } else if (type == int.class) {
      return which + 1;
    } else if (type == long.class) {
      return (long) which + 1;
    } else if (type == boolean.class) {
      return which == 1;
    } else if (type.isEnum()) {
      return type.getEnumConstants()[which];
    } else if (type == List.class) {
      return which == 0 ? List.of() : List.of(Map.entry("k", new Hcl.Str("v")));
    } else if (type == Hcl.class) {
      return new Hcl.Str(which == 0 ? "a" : "b");
    } else if (type.isRecord()) {
      try {
        return construct(type, Arrays.stream(type.getRecordComponents()).map(c -> sample(c.getType(), which)).toArray());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no sample for " + type);
  }
}
