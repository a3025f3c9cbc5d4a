package drslink.parse;

import drslink.diag.Acknowledgement;
import drslink.diag.Diagnostics;
import drslink.model.Located;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the top-level {@code acknowledge:} list (docs/topology.md "Acknowledging a warning"). It is read beside
 * the {@link TopologyReader}, not into the model: acknowledgements concern the diagnostics about the topology, not
 * what gets generated.
 */
public final class AcknowledgementReader {
  public static final String KEY = "acknowledge";
  public static final Set<String> ACKNOWLEDGE_KEYS = Set.of("code", "item", "reason");

  private AcknowledgementReader() {}

  public static List<Acknowledgement> read(YNode root, Diagnostics diagnostics) {
    List<Acknowledgement> out = new ArrayList<>();
    if (!(root instanceof YNode.YMap)) {
      return out; // TopologyReader reports it
    }
    // Reading the top level only for this key: TopologyReader reports the other keys and the unknown ones.
    MapReader top = MapReader.of(root, "the topology", TopologyReader.TOP_KEYS, diagnostics).orElseThrow();
    for (YNode node : top.list(KEY, false, null)) {
      Optional<MapReader> entry = MapReader.of(node, "an acknowledge entry", ACKNOWLEDGE_KEYS, diagnostics);
      if (entry.isEmpty()) {
        continue;
      }
      MapReader m = entry.get();
      Located<String> code = m.string("code", true, "the code of the warning, e.g. code: DRS228");
      Located<String> item = m.string("item", true, "the name the warning is about, e.g. item: dc-tokyo");
      Located<String> reason = m.string("reason", true, "say why the warning is acceptable; plan shows it");
      m.finishUnknownKeys();
      if (code == null || item == null || reason == null) {
        continue;
      }
      // Diagnostics.acknowledge checks the code's shape and the reason (DRS019) with the rest of the matching.
      out.add(new Acknowledgement(code.value(), item.value(), reason.value().strip(), m.at()));
    }
    return out;
  }
}
