package drslink.pipeline;

import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.util.List;
import java.util.Optional;

/**
 * A topology file read, parsed and validated. {@code topology} is empty when it could not be read or parsed;
 * {@code model} is what was derived from it once (who replicates into which hub), the one the validator read and
 * the planner and live checks read after it;
 * {@code displayName} is how messages and generated headers name the file; {@code sourceLines} is its text, for
 * showing the offending line under a diagnostic.
 */
public record Loaded(Optional<Topology> topology, Optional<ReplicationModel> model, Diagnostics diagnostics, String displayName, List<String> sourceLines) {
  /** Whether the later stages may run: a topology without errors, and without warnings when {@code strict}. */
  public boolean usable(boolean strict) {
    return topology.isPresent() && !diagnostics.hasErrors() && !(strict && diagnostics.hasWarnings());
  }
}
