package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.Topology;

/** One concern of the topology contract; each broken instance is one diagnostic. */
interface Rule {
  void check(Topology topology, Diagnostics diagnostics);
}
