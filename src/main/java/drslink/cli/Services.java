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
import org.yaml.snakeyaml.LoaderOptions;

/** The stages, built once and shared by every command (no singletons, no DI container). */
final class Services {
  final YamlTreeReader yaml;
  final TopologyValidator validator = new TopologyValidator();
  final Planner planner = new Planner();
  final TreeRenderer renderer = new TreeRenderer(new TemplateEngine(), new ModuleSources());
  final AtomicTreeWriter writer = new AtomicTreeWriter();
  final TreeComparison comparison = new TreeComparison();
  final DiagramRenderer diagrams = new DiagramRenderer();
  final PlanReport planReport = new PlanReport(new ObjectMapper());

  Services() {
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
    yaml = new YamlTreeReader(factory, limits);
  }
}
