package drslink.cli;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import drslink.parse.YamlLimits;
import drslink.parse.YamlTreeReader;
import drslink.plan.Planner;
import com.fasterxml.jackson.databind.ObjectMapper;
import drslink.render.DiagramRenderer;
import drslink.render.ModuleSources;
import drslink.render.PlanReport;
import drslink.render.TemplateEngine;
import drslink.render.TreeRenderer;
import drslink.validate.TopologyValidator;
import drslink.write.AtomicTreeWriter;
import drslink.write.TreeComparison;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The stages and the output streams, shared by every command (no singletons, no DI container). Each stage is
 * built on first use, so a command loads only the libraries it needs: {@code validate} never loads Freemarker or
 * Jackson databind, which is most of the start-up time of a short command (see README "Performance").
 */
final class Services {
  private final PrintWriter out;
  private final PrintWriter err;
  private final Lazy<YamlTreeReader> yaml = new Lazy<>(Services::yamlReader);
  private final Lazy<TopologyValidator> validator = new Lazy<>(TopologyValidator::new);
  private final Lazy<Planner> planner = new Lazy<>(Planner::new);
  private final Lazy<TreeRenderer> renderer = new Lazy<>(() -> new TreeRenderer(new TemplateEngine(), new ModuleSources()).prepare());
  private FutureTask<TreeRenderer> rendererWarmUp;
  private final Lazy<AtomicTreeWriter> writer = new Lazy<>(AtomicTreeWriter::new);
  private final Lazy<TreeComparison> comparison = new Lazy<>(TreeComparison::new);
  private final Lazy<DiagramRenderer> diagrams = new Lazy<>(DiagramRenderer::new);
  private final Lazy<PlanReport> planReport = new Lazy<>(() -> new PlanReport(new ObjectMapper()));

  /** Where commands print: results on {@code out}, diagnostics and messages on {@code err}. */
  Services(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  PrintWriter out() {
    return out;
  }

  PrintWriter err() {
    return err;
  }

  YamlTreeReader yaml() {
    return yaml.get();
  }

  TopologyValidator validator() {
    return validator.get();
  }

  Planner planner() {
    return planner.get();
  }

  /**
   * Starts building the renderer on a second thread; {@link #renderer()} then waits for it. Commands that will render
   * call this first: Freemarker's start-up and template parsing (about 70 ms with 1 source) then overlap with reading,
   * validating and planning the topology instead of following them (README "Performance").
   */
  void warmUpRenderer() {
    if (rendererWarmUp == null) {
      rendererWarmUp = new FutureTask<>(renderer::get);
      Thread thread = new Thread(rendererWarmUp, "drslink-renderer-warm-up");
      thread.setDaemon(true);
      thread.start();
    }
  }

  TreeRenderer renderer() {
    if (rendererWarmUp == null) {
      return renderer.get();
    }
    try {
      return rendererWarmUp.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the templates were prepared", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
    }
  }

  AtomicTreeWriter writer() {
    return writer.get();
  }

  TreeComparison comparison() {
    return comparison.get();
  }

  DiagramRenderer diagrams() {
    return diagrams.get();
  }

  PlanReport planReport() {
    return planReport.get();
  }

  private static YamlTreeReader yamlReader() {
    YamlLimits limits = YamlLimits.DEFAULT;
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(true); // duplicates are reported by YamlTreeReader, all of them, with locations
    loader.setNestingDepthLimit(limits.maxDepth() + 2);
    loader.setCodePointLimit((int) limits.maxBytes());
    loader.setMaxAliasesForCollections(1000);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(limits.maxDepth() + 2).maxStringLength((int) limits.maxBytes()).build())
            .build();
    return new YamlTreeReader(factory, limits);
  }

  /** Built once, on first use; a command runs on one thread. */
  private static final class Lazy<T> {
    private Supplier<T> supplier;
    private T value;

    Lazy(Supplier<T> supplier) {
      this.supplier = supplier;
    }

    T get() {
      if (supplier != null) {
        value = supplier.get();
        supplier = null;
      }
      return value;
    }
  }
}
