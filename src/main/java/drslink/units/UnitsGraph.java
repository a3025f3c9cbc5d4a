package drslink.units;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The units and their order as data, for any engine: the units in apply order, each with its wave, the units it
 * depends on, the values it takes from them and the state moves from the single root. One home for this graph:
 * {@code units.json} prints it, and {@code plan --format json --layout units} carries the same array.
 */
public final class UnitsGraph {
  private UnitsGraph() {}

  /** {@code {"layout": "units", "topology": NAME, "units": [...]}}, as units.json holds it. */
  public static ObjectNode of(UnitsLayout layout) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("layout", "units");
    root.put("topology", layout.topologyName());
    root.set("units", units(layout));
    return root;
  }

  /** The units in apply order (wave by wave, each wave in the planner's order). */
  public static ArrayNode units(UnitsLayout layout) {
    ArrayNode units = JsonNodeFactory.instance.arrayNode();
    List<List<Unit>> waves = layout.waves();
    for (int w = 0; w < waves.size(); w++) {
      for (Unit unit : waves.get(w)) {
        ObjectNode u = units.addObject();
        u.put("dir", unit.dir());
        u.put("account", unit.provider().accountName());
        u.put("account_id", unit.provider().accountId());
        u.put("role_arn", unit.provider().roleArn());
        u.put("region", unit.provider().region());
        u.put("phase", unit.phase());
        u.put("wave", w);
        ArrayNode deps = u.putArray("depends_on");
        unit.dependsOn().forEach(deps::add);
        ArrayNode ins = u.putArray("inputs");
        for (UnitInput in : unit.inputs()) {
          ObjectNode i = ins.addObject();
          i.put("variable", in.name());
          i.put("from", in.fromDir());
          i.put("output", in.name());
        }
        u.put("resources", unit.plan().resources().size());
        ArrayNode moves = u.putArray("state_moves");
        UnitsRenderer.stateMoves(unit).forEach(moves::add);
      }
    }
    return units;
  }
}
