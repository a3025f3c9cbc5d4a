package drslink.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import harness.emulator.ProviderOverride;
import harness.terraform.Cleanup;
import harness.terraform.Plan;
import harness.terraform.ResourceChange;
import harness.terraform.Terraform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Adding a replication to a deployed topology, or taking it out again, must not replace, update or
 * destroy anything that was already deployed: users regenerate into a folder whose state is live.
 *
 * <p>Proven against applied state in moto, not by comparing addresses: apply {@code base.yaml};
 * regenerate {@code extended.yaml} (three more replications, one into a new target that sorts before
 * the region's pinned {@code endpoints_vpc}, blocks in another order) into the same
 * folder and plan: only creations; apply it; regenerate {@code base.yaml} and plan: only
 * destructions, and exactly of what step two created; apply; a plan with no changes; destroy.
 *
 * <p>The replication settings templates are applied too (DRS is served by the stand-in beside
 * moto, initialized in every account and region of the estate first), so they too must only be
 * created or destroyed.
 *
 * <p>The three tests are independent estates, so they run at the same time, each on a moto server
 * of its own (JUnit's parallel mode, enabled in the Failsafe configuration; every other test runs
 * in the same thread as before).
 */
@ExtendWith(RetryAWriteSentTwice.class) // a write the SDK sent twice: once more, from nothing
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD) // the class, like every suite, runs alone ...
class StableAddressesIT {

  private static final String CASE = "stability";

  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
  private final Path project = Workspace.projectDir();
  private ToolRuntime runtime;
  private DrslinkCli cli;

  @BeforeAll
  void start() {
    cli = DrslinkCli.fromBuild(project);
    runtime = ToolRuntime.fromSystemProperty();
  }

  @AfterAll
  void stop() {
    if (runtime != null) {
      Cleanup.closeAll(runtime);
    }
  }

  /** One test's moto, and its tofu in a root, every service it calls sent to that moto. */
  private final class Estate implements AutoCloseable {
    final MotoFixture moto = new MotoFixture(runtime.startMoto(), yaml);

    Terraform tofu(Path root) {
      return runtime.terraformOn(root, moto.server().endpoint(), json);
    }

    @Override
    public void close() {
      Cleanup.closeAll(moto, moto.server());
    }
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT) // ... and its tests side by side
  void addingAndRemovingReplicationsTouchesNothingAlreadyDeployed() throws IOException {
    Timings t = new Timings(CASE);
    try (Estate e = new Estate(); Workspace ws = Workspace.create(CASE)) {
      MotoFixture moto = e.moto;
      // Seed the larger topology, then give the smaller one the same moto ids: both are the same
      // estate (same name too), described before and after the change.
      SeededTopology extended = moto.seed(resource("extended.yaml"));
      String base = MotoFixture.replaceIds(resource("base.yaml"), extended.ids());
      Path baseFile = write(ws.resolve("base.yaml"), base);
      Path extendedFile = write(ws.resolve("extended.yaml"), extended.yaml());
      Path root = ws.resolve("root");
      // Generated before tofu is set up: drslink only replaces a folder it wrote itself.
      cli.generate(baseFile, root);

      Terraform tf = e.tofu(root);
      boolean destroyed = false;
      try {
        Set<String> deployedFirst = t.time("step 1", () -> deploy(e, tf, root, extended));
        assertFalse(deployedFirst.isEmpty(), "base.yaml must deploy something");

        Plan adding = t.time("plan add", () -> regenerateAndPlan(e, tf, extendedFile, root));
        assertOnly("adding replications", adding, "create");
        Set<String> added = addresses(adding);
        assertTrue(
            added.containsAll(
                List.of(
                    "module.peerings_ap_northeast_1_to_ap_northeast_3[\"batch|dr\"].aws_vpc_peering_connection.this",
                    "module.dns_ap_northeast_3_for_ap_northeast_1[\"batch\"].aws_route53_zone_association.this[\"drs.ap-northeast-3.amazonaws.com\"]",
                    "module.replication_sg_dr.aws_vpc_security_group_ingress_rule.replication[\"10.11.0.0/16\"]",
                    "module.endpoints_dr.aws_vpc_security_group_ingress_rule.https[\"10.11.0.0/16\"]",
                    "module.endpoints_sg_dr.aws_vpc_endpoint.drs",
                    "module.endpoints_app.aws_vpc_endpoint.drs",
                    "module.replication_sg_analytics.aws_security_group.this",
                    "module.dns_ap_northeast_3_for_ap_northeast_3[\"analytics\"].aws_route53_zone_association.this[\"drs.ap-northeast-3.amazonaws.com\"]")),
            "the plan must add batch's and Singapore's pieces, but adds: " + added);
        Set<String> overlap = new TreeSet<>(added);
        overlap.retainAll(deployedFirst);
        assertTrue(overlap.isEmpty(), "already deployed, yet planned again: " + overlap);
        t.time("apply add", () -> tf.apply());

        Plan removing = t.time("plan remove", () -> regenerateAndPlan(e, tf, baseFile, root));
        assertOnly("removing replications", removing, "delete");
        assertEquals(
            added,
            addresses(removing),
            "going back to base.yaml must destroy exactly what extended.yaml added");
        // The plan just checked is the full plan of base.yaml against this state: no need to ask again.
        t.time("apply remove", () -> tf.apply());

        Plan settled = t.time("plan again", () -> tf.plan());
        assertEquals(
            0, settled.exitCode(), "back at base.yaml, plan must be clean: " + settled.pendingChanges());
        t.time("destroy", tf::destroy);
        destroyed = true;
      } finally {
        if (!destroyed) {
          tf.destroyQuietly(CASE);
        }
      }
    } finally {
      System.err.println(t);
    }
  }

  /**
   * The one documented exception: an unpinned hub that moves. hub-after.yaml adds a target that sorts
   * before dr, so Osaka's endpoints and zones move to it. The zones must be replaced (their first VPC
   * changes), and the apply must pass the emulator's ConflictingDomainExists rule: a zone kept with dr
   * while dr gets a new association with it is what AWS refuses.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT) // ... and its tests side by side
  void movingTheHubReplacesTheZonesAndApplies() throws IOException {
    String name = "hub-move";
    Timings t = new Timings(name);
    // each test its own moto: one DRS template per region allows no leftovers
    try (Estate e = new Estate(); Workspace ws = Workspace.create(name)) {
      MotoFixture moto = e.moto;
      SeededTopology after = moto.seed(resource("hub-after.yaml"));
      Path beforeFile = write(ws.resolve("before.yaml"), MotoFixture.replaceIds(resource("hub-before.yaml"), after.ids()));
      Path afterFile = write(ws.resolve("after.yaml"), after.yaml());
      Path root = ws.resolve("root");
      cli.generate(beforeFile, root);
      Terraform tf = e.tofu(root);
      boolean destroyed = false;
      try {
        t.time("step 1", () -> deploy(e, tf, root, after));
        Plan moving = t.time("plan move", () -> regenerateAndPlan(e, tf, afterFile, root));
        for (String service : List.of("drs", "s3")) {
          String zone = "module.dns_" + service + "_ap_northeast_3.aws_route53_zone.this";
          ResourceChange rc =
              moving.resourceChanges().stream()
                  .filter(c -> c.address().equals(zone))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("the plan does not touch " + zone));
          assertTrue(
              rc.actions().containsAll(List.of("delete", "create")),
              zone + " must be replaced when its first VPC moves, but plans " + rc.actions());
        }
        assertTrue(
            addresses(moving).contains("module.endpoints_analytics.aws_vpc_endpoint.drs"),
            "the endpoints must move to analytics: " + addresses(moving));
        t.time("apply move", () -> tf.apply());
        Plan settled = t.time("plan again", () -> tf.plan());
        assertEquals(0, settled.exitCode(), "after the move, plan must be clean: " + settled.pendingChanges());
        t.time("destroy", tf::destroy);
        destroyed = true;
      } finally {
        if (!destroyed) {
          tf.destroyQuietly(name);
        }
      }
    } finally {
      System.err.println(t);
    }
  }

  /**
   * A root that drslink 0.1.0 generated (one module block per link and per associated VPC, committed under
   * stability/root-0.1.0 from extended.yaml) is applied; regenerating it with this drslink groups those
   * blocks with for_each, and moved.tf must carry every resource over: the plan moves, and creates,
   * updates and destroys nothing. Applied, the next plan is clean.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT) // ... and its tests side by side
  void rootsOf010MoveWithoutReplacingAnything() throws IOException {
    String name = "upgrade-0.1.0";
    Timings t = new Timings(name);
    try (Estate e = new Estate(); Workspace ws = Workspace.create(name)) {
      MotoFixture moto = e.moto;
      SeededTopology estate = moto.seed(resource("extended.yaml"));
      Path topology = write(ws.resolve("extended.yaml"), estate.yaml());
      Path root = committedRoot("root-0.1.0", ws.resolve("root"), estate);
      assertFalse(Files.exists(root.resolve("moved.tf")), "the 0.1.0 root has no moved.tf");
      Terraform tf = e.tofu(root);
      boolean destroyed = false;
      try {
        Set<String> deployed = t.time("apply 0.1.0", () -> deploy(e, tf, root, estate));
        assertTrue(deployed.contains("module.peering_batch_dr.aws_vpc_peering_connection.this"), "the 0.1.0 shape: " + deployed);

        Plan upgrade = t.time("plan upgrade", () -> regenerateAndPlan(e, tf, topology, root));
        List<String> changed = new ArrayList<>();
        Set<String> moved = new TreeSet<>();
        // Since issue 22 the hub of a failback-only region (app, for app-to-singapore's failback) resolves its own
        // endpoints: that association is new in this release, so the upgrade creates it, and only it.
        String hubAssociation = "module.dns_ap_northeast_1_for_ap_northeast_1[\"app\"].";
        for (ResourceChange rc : upgrade.resourceChanges()) {
          if (rc.isManaged() && !rc.isNoOp() && !(rc.address().startsWith(hubAssociation) && rc.actions().equals(List.of("create")))) {
            changed.add(rc.toString());
          }
          if (rc.previousAddress() != null) {
            moved.add(rc.previousAddress() + " -> " + rc.address());
          }
        }
        assertTrue(changed.isEmpty(), "the upgrade may only move, but the plan has:\n  - " + String.join("\n  - ", changed));
        assertTrue(
            moved.contains(
                "module.peering_batch_dr.aws_vpc_peering_connection.this -> module.peerings_ap_northeast_1_to_ap_northeast_3[\"batch|dr\"].aws_vpc_peering_connection.this"),
            "the peering must move to its instance: " + moved);
        assertTrue(
            moved.contains(
                "module.dns_ap_northeast_3_app.aws_route53_zone_association.this[\"s3.ap-northeast-3.amazonaws.com\"] -> module.dns_ap_northeast_3_for_ap_northeast_1[\"app\"].aws_route53_zone_association.this[\"s3.ap-northeast-3.amazonaws.com\"]"),
            "the association must move to its instance: " + moved);
        long inOldBlocks = deployed.stream().filter(a -> a.startsWith("module.peering_") || a.startsWith("module.dns_ap_")).count();
        assertEquals(inOldBlocks, moved.size(), "every resource of a 0.1.0 peering or association block moves: " + moved);

        t.time("apply upgrade", () -> tf.apply());
        Plan settled = t.time("plan again", () -> tf.plan());
        assertEquals(0, settled.exitCode(), "after the upgrade, plan must be clean: " + settled.pendingChanges());
        t.time("destroy", tf::destroy);
        destroyed = true;
      } finally {
        if (!destroyed) {
          tf.destroyQuietly(name);
        }
      }
    } finally {
      System.err.println(t);
    }
  }

  /**
   * Transit gateway links on one pair of gateways share one peering. The root this release's predecessor
   * generated for three such links (committed under stability/root-tgw-0.2 from tgw-before.yaml; the peering in
   * the module of the first link by name) is applied; regenerated, moved.tf carries the peering to its instance
   * keyed by the pair and each link's VPC routes to the link: the plan only moves. Then a fourth link that sorts
   * before the others and is requested from the other side (tgw-after.yaml) only creates its own routes: before
   * the peering was keyed by pair, that link took the peering over and replaced it. Removing it again only
   * destroys them; a plan with no changes; destroy.
   */
  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void aTransitGatewayPeeringBelongsToItsPairOfGateways() throws IOException {
    String name = "tgw-pair";
    Timings t = new Timings(name);
    try (Estate e = new Estate(); Workspace ws = Workspace.create(name)) {
      MotoFixture moto = e.moto;
      SeededTopology before = moto.seed(resource("tgw-before.yaml"));
      Path topologyBefore = write(ws.resolve("tgw-before.yaml"), before.yaml());
      Path topologyAfter = write(ws.resolve("tgw-after.yaml"), MotoFixture.replaceIds(resource("tgw-after.yaml"), before.ids()));
      Path root = committedRoot("root-tgw-0.2", ws.resolve("root"), before);
      Terraform tf = e.tofu(root);
      boolean destroyed = false;
      try {
        Set<String> deployed = t.time("apply previous layout", () -> deploy(e, tf, root, before));
        String owner = "module.tgw_peerings_ap_northeast_1_to_ap_northeast_3[\"web|analytics\"].";
        assertTrue(deployed.contains(owner + "aws_ec2_transit_gateway_peering_attachment.this"), "the previous layout: " + deployed);

        Plan upgrade = t.time("plan upgrade", () -> regenerateAndPlan(e, tf, topologyBefore, root));
        List<String> changed = new ArrayList<>();
        Set<String> moved = new TreeSet<>();
        for (ResourceChange rc : upgrade.resourceChanges()) {
          if (rc.isManaged() && !rc.isNoOp()) {
            changed.add(rc.toString());
          }
          if (rc.previousAddress() != null) {
            moved.add(rc.previousAddress() + " -> " + rc.address());
          }
        }
        assertTrue(changed.isEmpty(), "the upgrade may only move, but the plan has:\n  - " + String.join("\n  - ", changed));
        // Keyed by the two gateways' ids, sorted (the emulator's ids, not the file's).
        String pairKey = String.join("|", new TreeSet<>(List.of(before.ids().get("tgw-0d000000000000001"), before.ids().get("tgw-0e000000000000001"))));
        String pair = "module.tgw_peerings_ap_northeast_1_to_ap_northeast_3[\"" + pairKey + "\"].";
        assertTrue(moved.contains(owner + "aws_ec2_transit_gateway_peering_attachment.this -> " + pair + "aws_ec2_transit_gateway_peering_attachment.this"), "the peering moves to its pair: " + moved);
        long tgwResources = deployed.stream().filter(a -> a.startsWith(owner) || a.startsWith("module.tgw_routes_") && a.contains("aws_ec2_transit_gateway_route.")).count();
        assertEquals(tgwResources, moved.size(), "everything the owner held, and every other link's static route, moves: " + moved);
        t.time("apply upgrade", () -> tf.apply());

        Plan added = t.time("plan added link", () -> regenerateAndPlan(e, tf, topologyAfter, root));
        assertOnly("adding a link that sorts first", added, "create");
        assertTrue(addresses(added).stream().allMatch(a -> a.startsWith("module.tgw_routes_ap_northeast_3_to_ap_northeast_1[\"analytics|app\"].aws_route.")), "only the new link's VPC routes: " + addresses(added));
        t.time("apply added link", () -> tf.apply());

        Plan removed = t.time("plan removed link", () -> regenerateAndPlan(e, tf, topologyBefore, root));
        assertOnly("removing it", removed, "delete");
        assertEquals(addresses(added), addresses(removed), "exactly what adding it created");
        t.time("apply removed link", () -> tf.apply());
        Plan settled = t.time("plan again", () -> tf.plan());
        assertEquals(0, settled.exitCode(), "plan must be clean: " + settled.pendingChanges());
        t.time("destroy", tf::destroy);
        destroyed = true;
      } finally {
        if (!destroyed) {
          tf.destroyQuietly(name);
        }
      }
    } finally {
      System.err.println(t);
    }
  }

  /** A root an earlier drslink generated, committed under stability/, copied to {@code root} with the emulator's ids. */
  private Path committedRoot(String name, Path root, SeededTopology estate) throws IOException {
    Workspace.copyTree(project.resolve("src/test/resources/stability/" + name), root);
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".tf")).toList()) {
        write(f, MotoFixture.replaceIds(Files.readString(f, StandardCharsets.UTF_8), estate.ids()));
      }
    }
    return root;
  }

  /** Inits, points the providers at moto, applies; returns the managed addresses deployed. */
  private static Set<String> deploy(Estate e, Terraform tf, Path root, SeededTopology estate) {
    e.moto.initializeDrs(estate);
    tf.init();
    ProviderOverride.write(root);
    tf.apply(tf.plan());
    Set<String> deployed = new TreeSet<>();
    for (JsonNode module : tf.show().path("values").path("root_module").path("child_modules")) {
      for (JsonNode r : module.path("resources")) {
        if (r.path("mode").asText().equals("managed")) {
          deployed.add(r.path("address").asText());
        }
      }
    }
    return deployed;
  }

  /**
   * Regenerates into the deployed folder (drslink keeps .terraform/, the state and files it did
   * not write) and plans against the applied state. The override is written again because the new
   * topology may use more providers.
   */
  private Plan regenerateAndPlan(Estate e, Terraform tf, Path topology, Path root) {
    cli.generate(topology, root);
    assertTrue(
        Files.isRegularFile(root.resolve(ProviderOverride.FILE_NAME)),
        "generate must keep files it did not write, like the test's provider override");
    assertTrue(
        Files.isRegularFile(root.resolve("terraform.tfstate")),
        "generate must keep the state of the deployed root");
    ProviderOverride.write(root);
    tf.init();
    return tf.plan();
  }

  /** Every managed change is the one allowed action; anything else is listed in the failure. */
  private static void assertOnly(String step, Plan plan, String allowed) {
    List<String> offending = new ArrayList<>();
    for (ResourceChange rc : plan.resourceChanges()) {
      if (rc.isManaged() && !rc.isNoOp() && !rc.actions().equals(List.of(allowed))) {
        offending.add(rc.toString());
      }
    }
    assertTrue(plan.hasChanges(), step + ": the plan must change something");
    assertTrue(
        offending.isEmpty(),
        step
            + " may only "
            + allowed
            + ", but the plan also has:\n  - "
            + String.join("\n  - ", offending));
  }

  private static Set<String> addresses(Plan plan) {
    return plan.resourceChanges().stream()
        .filter(rc -> rc.isManaged() && !rc.isNoOp())
        .map(ResourceChange::address)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private String resource(String name) throws IOException {
    return Files.readString(
        project.resolve("src/test/resources/stability").resolve(name), StandardCharsets.UTF_8);
  }

  private static Path write(Path p, String text) throws IOException {
    return Files.writeString(p, text, StandardCharsets.UTF_8);
  }
}
