package drslink.units;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every unit of a topology, in an order that applies each after the units it depends on. */
public record UnitsLayout(String topologyName, String source, List<Unit> units) {
  public UnitsLayout {
    units = List.copyOf(units);
  }

  /**
   * The units in waves: every unit of a wave depends only on units of earlier waves, so an engine may apply a
   * wave's units in parallel (Atlantis execution order groups count the waves from 0).
   */
  public List<List<Unit>> waves() {
    List<List<Unit>> waves = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<Unit> left = new ArrayList<>(units);
    while (!left.isEmpty()) {
      List<Unit> wave = left.stream().filter(u -> done.containsAll(u.dependsOn())).toList();
      if (wave.isEmpty()) {
        throw new IllegalStateException("the units depend on each other in a cycle: " + left.stream().map(Unit::dir).toList());
      }
      waves.add(wave);
      wave.forEach(u -> done.add(u.dir()));
      left.removeAll(wave);
    }
    return waves;
  }

  /** The wave of a unit, from 0. */
  public int wave(Unit unit) {
    List<List<Unit>> waves = waves();
    for (int i = 0; i < waves.size(); i++) {
      if (waves.get(i).contains(unit)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a unit of this layout: " + unit.dir());
  }
}
