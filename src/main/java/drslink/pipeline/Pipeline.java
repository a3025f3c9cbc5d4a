package drslink.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.diag.Diagnostic;
import drslink.diag.Diagnostics;
import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import drslink.parse.AcknowledgementReader;
import drslink.parse.TopologyReader;
import drslink.parse.YNode;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import drslink.plan.Guide;
import drslink.plan.GuidePlanner;
import drslink.plan.Plan;
import drslink.plan.Planner;
import drslink.plan.ProviderConfig;
import drslink.render.Background;
import drslink.render.DiagramRenderer;
import drslink.render.ModuleSources;
import drslink.render.PlanReport;
import drslink.render.RenderedTree;
import drslink.render.TemplateEngine;
import drslink.render.TreeRenderer;
import drslink.units.Layout;
import drslink.units.UnitsGraph;
import drslink.units.UnitsLayout;
import drslink.units.UnitsRenderer;
import drslink.validate.TopologyValidator;
import drslink.write.AtomicTreeWriter;
import drslink.write.DroppedProviders;
import drslink.write.Manifest;
import drslink.write.OutputException;
import drslink.write.TreeComparison;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * drslink as a library: the stages from a topology file to a Terraform root, in the order they run.
 *
 * <pre>
 *   load    read the file (size limit, UTF-8), parse the YAML, read the topology, validate it, apply its
 *           acknowledgements                                                   -> {@link Loaded} (with diagnostics)
 *   plan    decide every resource; pure                                        -> {@link Plan}
 *   guide   what the README and the reports explain, from the plan and the model -> {@link Guide}
 *   render  print the plan as files, in memory                                 -> {@link RenderedTree}
 *   write   replace drslink's own files in a folder, or compare with it (check)
 * </pre>
 *
 * and, from a plan and its guide, the reports ({@link #report}, {@link #mermaid}, {@link #dot}). It never prints, never exits and
 * reads no system property: a caller (the command line, {@code drslink.cli}) passes its options in, prints what comes
 * back, and decides exit codes. Each stage is built on first use, so a caller loads only the libraries it needs:
 * {@code validate} never loads Freemarker or Jackson (SnakeYAML alone reads the YAML), most of a short command's start-up (docs/performance.md).
 */
public final class Pipeline {
  private final Waiver waiver;
  /** Built once, on a second thread after {@link #prepareRenderer}, else by the first {@link #render}. */
  private Background<TreeRenderer> renderer;

  public Pipeline() {
    this(Waiver.NONE);
  }

  /** {@code waiver}: errors to let through as warnings; {@link Waiver#NONE} outside the benchmark. */
  public Pipeline(Waiver waiver) {
    this.waiver = waiver;
  }

  /** Reads, parses and validates a topology file. Every problem is a diagnostic; this throws only on a bug. */
  public Loaded load(Path file) {
    String display = TopologyFile.displayName(file);
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> text = TopologyFile.read(file, display, diagnostics);
    Optional<YNode> root = text.flatMap(t -> yamlReader().read(display, t, diagnostics));
    Optional<Topology> topology = root.flatMap(r -> new TopologyReader(diagnostics).read(display, r));
    // Worked out once per run, from the file as written (errors included): the rules, the planner and the live
    // checks all read this one model of who replicates into which hub.
    Optional<ReplicationModel> model = topology.map(ReplicationModel::of);
    model.ifPresent(m -> validate(m, diagnostics));
    // After validation: an acknowledgement covers the warnings the validator found (docs/topology.md "Acknowledging a warning").
    if (topology.isPresent()) {
      diagnostics.acknowledge(AcknowledgementReader.read(root.orElseThrow(), diagnostics));
    }
    return new Loaded(topology, model, diagnostics, display, text.map(t -> t.lines().toList()).orElse(List.of()));
  }

  /** Validates into {@code diagnostics}; a waived code's errors arrive as warnings that carry the waiver's note. */
  private void validate(ReplicationModel model, Diagnostics diagnostics) {
    if (waiver.isEmpty()) {
      new TopologyValidator().validate(model, diagnostics);
      return;
    }
    Diagnostics found = new Diagnostics();
    new TopologyValidator().validate(model, found);
    for (Diagnostic d : found.sorted()) {
      if (d.isError() && waiver.codes().contains(d.code())) {
        diagnostics.warning(d.code(), d.location(), d.message() + " [" + waiver.note() + "]", d.hint());
      } else if (d.isError()) {
        diagnostics.error(d.code(), d.location(), d.message(), d.hint());
      } else {
        diagnostics.warning(d.code(), d.location(), d.message(), d.hint());
      }
    }
  }

  /** Every resource the topology needs. Call only with a topology that {@link Loaded#usable} accepts. */
  public Plan plan(Loaded loaded) {
    return new Planner().plan(loaded.model().orElseThrow(() -> new IllegalStateException(loaded.displayName() + " has no topology to plan")), loaded.displayName());
  }

  /** What the generated README and the reports explain about {@code plan}, built from it and the model it was planned from. */
  public Guide guide(Loaded loaded, Plan plan) {
    return GuidePlanner.guide(plan, loaded.model().orElseThrow(() -> new IllegalStateException(loaded.displayName() + " has no topology to plan")));
  }

  /**
   * Starts building the renderer on a second thread; {@link #render} then waits for it. Callers that will render call
   * this first: Freemarker's start-up and template parsing (about 70 ms with 1 source) then overlap with loading and
   * planning instead of following them (docs/performance.md). Call it from the thread that renders.
   */
  public void prepareRenderer() {
    if (renderer == null) {
      renderer = Background.start("drslink-renderer-warm-up", Pipeline::newRenderer);
    }
  }

  /** The generated root's files, in memory. */
  public RenderedTree render(Plan plan, Guide guide) {
    if (renderer == null) {
      renderer = Background.runHere(Pipeline::newRenderer);
    }
    return renderer.join().render(plan, guide);
  }

  /**
   * The files of {@code plan} in {@code layout}, with the README from the guide built for the whole plan; throws
   * {@link drslink.units.UnitsLayoutException} when the units layout cannot split the plan.
   */
  public RenderedTree render(Loaded loaded, Plan plan, Layout layout) {
    Guide guide = guide(loaded, plan);
    return layout.render(plan, p -> render(p, guide));
  }

  private static TreeRenderer newRenderer() {
    return new TreeRenderer(new TemplateEngine(), new ModuleSources()).prepare();
  }

  /**
   * Writes {@code tree} into {@code out}, touching only drslink's own files. Returns the provider aliases the folder
   * had and the plan no longer generates: anything still deployed through one stops {@code terraform plan}.
   */
  public List<String> write(Plan plan, RenderedTree tree, Path out) throws OutputException {
    List<String> aliases = aliases(plan);
    List<String> dropped = DroppedProviders.between(out, aliases); // before the write replaces the manifest it reads
    new AtomicTreeWriter().write(tree, aliases, out);
    return dropped;
  }

  /** What {@code out} would need to change to be {@code tree}: one unified diff per file; empty when up to date. */
  public List<String> differences(Plan plan, RenderedTree tree, Path out) {
    return new TreeComparison().differences(tree, Manifest.of(tree, aliases(plan)), out);
  }

  /** Every resource, with its region and purpose; {@code diagnostics} are listed with it. */
  public String report(Plan plan, Guide guide, Diagnostics diagnostics, ReportFormat format) {
    return switch (format) {
      case json -> planReport().json(plan, guide, diagnostics);
      case markdown -> planReport().markdown(plan, guide, diagnostics, new DiagramRenderer());
      case text -> planReport().text(plan, guide, diagnostics);
    };
  }

  /**
   * The report of {@code plan} laid out in {@code units}: json carries the unit graph (units.json's units, in
   * apply order); text and markdown are followed by the table of waves the units tree's README.md holds.
   */
  public String report(Plan plan, Guide guide, Diagnostics diagnostics, ReportFormat format, UnitsLayout units) {
    return switch (format) {
      case json -> planReport().json(plan, guide, diagnostics, UnitsGraph.units(units));
      case markdown, text -> report(plan, guide, diagnostics, format) + "\n" + UnitsRenderer.overview(units);
    };
  }

  public String mermaid(Plan plan, Guide guide) {
    return new DiagramRenderer().mermaid(plan, guide);
  }

  public String dot(Plan plan, Guide guide) {
    return new DiagramRenderer().dot(plan, guide);
  }

  private static List<String> aliases(Plan plan) {
    return plan.providers().stream().map(ProviderConfig::alias).toList();
  }

  /** Each stage is made where it is used (a run uses each once), so a command loads only the libraries it needs. */
  private static PlanReport planReport() {
    return new PlanReport(new ObjectMapper());
  }

  private static YamlTreeReader yamlReader() {
    return new YamlTreeReader(YamlLimits.DEFAULT);
  }
}
