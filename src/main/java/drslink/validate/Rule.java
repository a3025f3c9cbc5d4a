package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;

/**
 * One concern of the topology contract; each broken instance is one diagnostic. {@code model} is the derived
 * model of the same topology, worked out once per run (who replicates into which hub, the template sites).
 */
interface Rule {
  void check(Topology topology, ReplicationModel model, Diagnostics diagnostics);
}
