package drslink.validate;

import drslink.diag.Diagnostics;
import drslink.model.DrsTemplateSites;
import drslink.model.Replication;
import drslink.model.ReplicationSettings;
import drslink.model.Topology;
import drslink.model.Vpc;
import drslink.model.derived.ReplicationModel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One DRS replication configuration template per account and region (domain.md section 8: the provider reads
 * the template back "currently MAX of 1", internal/service/drs/replication_configuration_template.go), shared
 * by every replication landing there (topology.md, "DRS replication settings"): their settings must agree,
 * adopting one needs an import block, and a template nobody manages leaves the data path to chance.
 */
final class TemplatesRule implements Rule {
  /** Import blocks, which adopt an existing template, arrived in Terraform 1.5 (and OpenTofu 1.5). */
  private static final int[] IMPORT_BLOCKS = {1, 5, 0};

  private static final Pattern CLAUSE = Pattern.compile("\\s*(!=|>=|<=|~>|=|>|<)?\\s*v?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?(-[0-9A-Za-z.]+)?\\s*");

  @Override
  public void check(Topology t, ReplicationModel model, Diagnostics d) {
    for (Replication r : t.replications()) {
      ReplicationSettings s = r.settings();
      if (s == null) {
        continue;
      }
      if (s.existingTemplateId() != null) {
        existing(t, s, d);
      }
      if (!s.managed()) {
        d.warning(
            "DRS202",
            s.manageTemplate().at(),
            "manage_template: false: drslink renders no DRS replication template for the target region of " + r.nameValue()
                + ", so data stays on private IPs only if someone sets the values the generated README lists",
            "remove manage_template to let drslink manage the template, or set existing_template_id to adopt the existing one");
      }
    }
    for (DrsTemplateSites.Site site : model.templateSites()) {
      shared(site, d);
      for (Vpc other : site.otherTargets()) {
        site.replications().stream()
            .filter(r -> r.target().value().equals(other.nameValue()))
            .findFirst()
            .ifPresent(
                r ->
                    d.warning(
                        "DRS201",
                        r.target().at(),
                        "target " + other.nameValue() + " shares the one DRS template of " + where(site) + " with " + site.stagingVpc().nameValue()
                            + ", whose staging subnet it names; servers replicating into " + other.nameValue() + " need per-server replication settings",
                        "apply the per-server settings the generated README gives, or replicate into one target VPC per account and region"));
      }
    }
  }

  /** Settings given by several replications into one site must be equal: one error at each later one that differs. */
  private static void shared(DrsTemplateSites.Site site, Diagnostics d) {
    Replication first = site.settingsSource().orElse(null);
    if (first == null) {
      return;
    }
    for (Replication r : site.replications()) {
      if (r != first && r.settings() != null && !r.settings().sameValuesAs(first.settings())) {
        d.error(
            "DRS200",
            r.settings().at(),
            "settings of " + r.nameValue() + " differ from those of " + first.nameValue() + " (line " + first.settings().at().line() + "), but both land in "
                + where(site) + ", which has one DRS replication template",
            "give both replications the same settings, or keep settings on one of them only");
      }
    }
  }

  private static String where(DrsTemplateSites.Site site) {
    return site.region() + (site.account() == null ? "" : " (account " + site.account() + ")");
  }

  private static void existing(Topology t, ReplicationSettings s, Diagnostics d) {
    String id = s.existingTemplateId().value();
    if (!Patterns.TEMPLATE_ID.matcher(id).matches()) {
      d.error(
          "DRS203",
          s.existingTemplateId().at(),
          "'" + id + "' is not a DRS replication configuration template id",
          "write rct- and 17 letters or digits, as aws drs describe-replication-configuration-templates prints it");
    }
    if (!s.managed()) {
      d.error(
          "DRS204",
          s.existingTemplateId().at(),
          "existing_template_id adopts the template for drslink to manage, but manage_template is false",
          "remove manage_template: false to adopt it, or remove existing_template_id to leave the template alone");
    }
    String constraint = t.terraform().requiredVersion().value();
    if (allowsBelow(constraint, IMPORT_BLOCKS)) {
      d.error(
          "DRS205",
          s.existingTemplateId().at(),
          "existing_template_id is adopted with an import block, which needs Terraform 1.5 or later, but required_version '" + constraint + "' allows older versions",
          "set terraform.required_version: \">= 1.5.0\"");
    }
  }

  /** Whether a version constraint admits some version below {@code floor}: its highest lower bound is below it. */
  static boolean allowsBelow(String constraint, int[] floor) {
    int[] lowest = {0, 0, 0};
    for (String clause : constraint.split(",")) {
      Matcher m = CLAUSE.matcher(clause);
      if (!m.matches()) {
        return false; // malformed constraints are FormatsRule's to report
      }
      String op = m.group(1) == null ? "=" : m.group(1);
      if (op.equals(">=") || op.equals(">") || op.equals("~>") || op.equals("=")) {
        int[] v = {Integer.parseInt(m.group(2)), part(m.group(3)), part(m.group(4))};
        if (compare(v, lowest) > 0) {
          lowest = v;
        }
      }
    }
    return compare(lowest, floor) < 0;
  }

  private static int part(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
