package drslink.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Order's comparators sort exactly as the JDK's factories they stand in for. */
class OrderTest {
  record Item(String name, int rank, long start) {}

  @Test
  void sortsAsTheJdkComparatorsDo() {
    Random random = new Random(7);
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      items.add(new Item("n" + random.nextInt(20), random.nextInt(5) - 2, random.nextLong() % 4));
    }
    assertSorted(items, Comparator.comparing(Item::name), Order.by(Item::name));
    assertSorted(items, Comparator.comparingInt(Item::rank), Order.byInt(Item::rank));
    assertSorted(items, Comparator.comparingLong(Item::start), Order.byLong(Item::start));
    assertSorted(
        items,
        Comparator.comparingLong(Item::start).thenComparingInt(Item::rank).thenComparing(Item::name),
        Order.then(Order.byLong(Item::start), Order.byInt(Item::rank), Order.by(Item::name)));
    assertSorted(items, Comparator.comparing(Item::name).thenComparing(Comparator.comparingInt(Item::rank).reversed()), Order.then(Order.by(Item::name), Order.byInt(Item::rank).reversed()));
  }

  private static void assertSorted(List<Item> items, Comparator<Item> jdk, Comparator<Item> ours) {
    List<Item> expected = new ArrayList<>(items);
    expected.sort(jdk);
    List<Item> actual = new ArrayList<>(items);
    actual.sort(ours);
    assertEquals(expected, actual);
    for (int i = 0; i < 50; i++) {
      assertEquals(Integer.signum(jdk.compare(items.get(i), items.get(i + 1))), Integer.signum(ours.compare(items.get(i), items.get(i + 1))));
    }
  }
}
