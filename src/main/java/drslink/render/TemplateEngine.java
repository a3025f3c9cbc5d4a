package drslink.render;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * Freemarker configured strictly: a missing value is a bug in the plan, so it fails instead of printing
 * an empty string. Templates are read from the jar (templates/ in the repository).
 */
public final class TemplateEngine {
  private final Configuration configuration;

  public TemplateEngine() {
    configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setClassLoaderForTemplateLoading(TemplateEngine.class.getClassLoader(), "drslink/templates");
    configuration.setDefaultEncoding("UTF-8");
    // One template per file name: no README_en_US.md.ftl-style lookups before each template is found.
    configuration.setLocalizedLookup(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setNumberFormat("computer");
  }

  /** Parses and caches templates ahead of {@link #render}, so a warm-up thread can pay for it (see TreeRenderer#prepare). */
  public void prepare(Iterable<String> templates) {
    for (String template : templates) {
      try {
        configuration.getTemplate(template);
      } catch (IOException e) {
        throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
      }
    }
  }

  public String render(String template, Map<String, Object> view) {
    try (StringWriter out = new StringWriter()) {
      configuration.getTemplate(template).process(view, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("template " + template + " failed: " + e.getMessage(), e);
    }
  }
}
