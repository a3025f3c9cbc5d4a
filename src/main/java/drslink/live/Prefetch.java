package drslink.live;

import drslink.model.Vpc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes verify's per-VPC reads ahead of the checks, several at a time, into {@link SdkCloud}'s cache: one
 * after another, a 100-source topology waits on about a thousand round trips. The checks then run in
 * order, as before, on cached answers. A read that fails here is cached as failed and reported by the
 * check that needs it, in its own unit.
 */
final class Prefetch {
  /** Parallel reads: few enough to stay well below the EC2 API's request rate limits (https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html). */
  static final int THREADS = 8;

  private Prefetch() {}

  static void verify(LivePaths paths, Cloud cloud) {
    Map<String, Vpc> vpcs = new LinkedHashMap<>();
    Map<String, Vpc> sources = new LinkedHashMap<>();
    for (LivePaths.Path p : paths.paths()) {
      if (p.from() != null) {
        vpcs.putIfAbsent(p.from().nameValue(), p.from());
        sources.putIfAbsent(p.from().nameValue(), p.from());
      }
      vpcs.putIfAbsent(p.hub().nameValue(), p.hub());
      vpcs.putIfAbsent(p.staging().nameValue(), p.staging());
    }
    List<Runnable> reads = new ArrayList<>();
    // First the batches, one per place (subnets, route tables, ACLs, peerings of all its VPCs at once) ...
    Map<Cloud.Place, List<String>> byPlace = new LinkedHashMap<>();
    vpcs.values().forEach(v -> byPlace.computeIfAbsent(paths.place(v), k -> new ArrayList<>()).add(v.id().value()));
    run(byPlace.entrySet().stream().<Runnable>map(e -> () -> cloud.prefetch(e.getKey(), e.getValue())).toList());
    // ... then what has no batch: each VPC's attributes, zones and Resolver rules, and whatever a batch left.
    for (Vpc v : vpcs.values()) {
      Cloud.Place place = paths.place(v);
      String id = v.id().value();
      reads.add(() -> cloud.vpc(place, id));
      reads.add(() -> cloud.subnets(place, id));
      reads.add(() -> cloud.routeTables(place, id));
      reads.add(() -> cloud.networkAcls(place, id));
      reads.add(() -> cloud.peerings(place, id));
    }
    for (Vpc v : sources.values()) {
      Cloud.Place place = paths.place(v);
      String id = v.id().value();
      reads.add(() -> cloud.zonesOf(place, id));
      reads.add(() -> cloud.resolverRules(place, id));
    }
    run(reads);
  }

  private static void run(List<Runnable> reads) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "drslink-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (Runnable read : reads) {
        done.add(pool.submit(() -> {
          try {
            read.run();
          } catch (RuntimeException e) {
            // cached as failed; the check that needs it reports it
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
