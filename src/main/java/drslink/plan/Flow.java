package drslink.plan;

import drslink.model.Replication;
import drslink.model.ReplicationSource;
import drslink.model.StagingPlacement;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.util.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replicated data moving into a staging VPC of another region: a source (a VPC, or an on-premises network)
 * into its target, or, with failback, a target back into the failback landing VPC of each source region.
 * Failback to on-premises lands on the Failback Client, not in a VPC, so it is no flow.
 */
record Flow(ReplicationSource from, Vpc staging, Replication replication, boolean failback) {

  String region() {
    return staging.region();
  }

  static List<Flow> of(Topology topology, StagingPlacement placement) {
    List<Flow> flows = new ArrayList<>();
    List<Replication> replications = topology.replications().stream().sorted(Order.by(Replication::nameValue)).toList();
    for (Replication r : replications) {
      Vpc target = topology.vpc(r.target().value()).orElseThrow();
      List<Vpc> sources = r.sourceNames().stream().map(topology::vpc).flatMap(Optional::stream).toList();
      for (String name : r.sourceNames()) {
        ReplicationSource source = topology.vpc(name).map(v -> (ReplicationSource) v).orElseGet(() -> topology.onPremises(name).orElseThrow());
        flows.add(new Flow(source, target, r, false));
      }
      if (r.failbackEnabled()) {
        // Failback lands in each source's own (account, region), in a VPC there that can host staging
        // (StagingPlacement.failbackLanding); the validator has refused sources without one (DRS088).
        sources.stream()
            .map(placement::failbackLanding)
            .flatMap(Optional::stream)
            .distinct()
            .sorted(Order.then(Order.by(Vpc::region), Order.by(Vpc::nameValue)))
            .forEach(landing -> flows.add(new Flow(target, landing, r, true)));
      }
    }
    return flows;
  }
}
