package drslink.render;

import drslink.iam.AccountPolicies;
import drslink.iam.IamPolicies;
import drslink.plan.Guide;
import drslink.plan.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a plan into the files of the generated root: one template per root file, the vendored modules
 * copied with a header, every .tf aligned the way {@code terraform fmt} would.
 */
public final class TreeRenderer {
  private static final String README = "README.md";
  private static final Map<String, String> ROOT_FILES =
      Map.of(
          "versions.tf", "versions.tf.ftl",
          "providers.tf", "providers.tf.ftl",
          "variables.tf", "variables.tf.ftl",
          "main.tf", "main.tf.ftl",
          "outputs.tf", "outputs.tf.ftl",
          README, "README.md.ftl");

  private final TemplateEngine templates;
  private final ModuleSources modules;

  public TreeRenderer(TemplateEngine templates, ModuleSources modules) {
    this.templates = templates;
    this.modules = modules;
  }

  /**
   * Parses every template and reads every module ahead of {@link #render}. Freemarker's start-up and parsing take
   * longer than rendering a small root, so {@code generate} runs this on a second thread while the topology is read,
   * validated and planned.
   */
  public TreeRenderer prepare() {
    List<String> all = new ArrayList<>(ROOT_FILES.values());
    all.add("moved.tf.ftl");
    all.add("lib/hcl.ftl");
    templates.prepare(all);
    modules.prepare();
    return this;
  }

  /**
   * The root's files: the plan's, and the README from the guide built for it ({@code GuidePlanner}). Two branches that
   * share only what does not change (the plan, the guide, the stateless {@link Views} and the parsed templates, which
   * Freemarker lets threads process at once) run side by side: the documents on a second thread, the Terraform files on
   * this one. The README is the largest file (2.4 of 3.5 MB with 1,000 sources) and the longest template to
   * run the first time (docs/performance.md, stop 32).
   */
  public RenderedTree render(Plan plan, Guide guide) {
    Views views = new Views(plan, guide);
    Background<Map<String, String>> documents = Background.start("drslink-documents", () -> documents(plan, views));
    Map<String, String> files = new TreeMap<>();
    for (String file : ROOT_FILES.keySet()) {
      if (!file.equals(README)) {
        files.put(file, rootFile(views, file));
      }
    }
    if (!plan.moved().isEmpty()) {
      files.put("moved.tf", finish("moved.tf", templates.render("moved.tf.ftl", views.forFile("moved.tf"))));
    }
    for (String module : plan.vendoredModules()) {
      modules.read(module).forEach((file, content) -> files.put("modules/" + module + "/" + file, finish(file, views.header(file) + "\n\n" + content)));
    }
    files.putAll(documents.join());
    return new RenderedTree(files);
  }

  /** README.md, and the IAM policy documents of each account (drslink.iam decides them; docs/iam.md). */
  private Map<String, String> documents(Plan plan, Views views) {
    Map<String, String> files = new TreeMap<>();
    files.put(README, rootFile(views, README));
    for (AccountPolicies a : IamPolicies.of(plan)) {
      files.put(a.file("apply"), IamPolicies.text(a.apply()));
      files.put(a.file("trust"), IamPolicies.text(a.trust()));
      files.put(a.file("readonly"), IamPolicies.text(a.readOnly()));
    }
    return files;
  }

  private String rootFile(Views views, String file) {
    return finish(file, templates.render(ROOT_FILES.get(file), views.forFile(file)));
  }

  /** LF only, no trailing spaces, no runs of blank lines, one final newline: fmt's layout and reviewers' diffs. */
  private static String finish(String file, String text) {
    String normalized = HclFormatter.layout(text);
    return file.endsWith(".tf") ? HclFormatter.align(normalized) : normalized;
  }
}
