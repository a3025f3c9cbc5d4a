package drslink.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The scanner findings a root's code suppresses inline, and why: the generated README lists exactly those
 * that arise in this root, so a security reviewer reads each reason once, beside the tool and the place.
 * The reasons are the ones written at the suppressions in modules/ and templates/main.tf.ftl.
 */
public final class ScannerSuppressions {
  /** One suppressed finding: the tool, its check id, where the annotation stands and the reason. */
  public record Suppression(String scanner, String check, String where, String reason) {}

  private ScannerSuppressions() {}

  public static List<Suppression> of(Plan plan) {
    List<Suppression> rows = new ArrayList<>();
    List<String> modules = plan.vendoredModules();
    if (modules.contains("staging-security-group")) {
      rows.add(
          new Suppression(
              "checkov",
              "CKV2_AWS_5",
              "`modules/staging-security-group`, `aws_security_group.this`",
              "DRS, not Terraform, launches the replication servers; the group reaches them through the DRS replication template's `replication_servers_security_groups_ids`, which the check does not follow"));
      boolean publicEgress =
          plan.modules().stream()
              .filter(m -> m.module().equals("staging-security-group"))
              .anyMatch(m -> m.arguments().stream().noneMatch(a -> a.name().equals("private_https_egress")));
      if (publicEgress) {
        rows.add(
            new Suppression(
                "trivy",
                "AWS-0104",
                "`modules/staging-security-group`, `aws_vpc_security_group_egress_rule.https`",
                "the staging subnet must reach DRS, S3 and EC2 on TCP 443 (DRS network requirements: https://docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html); without interface endpoints for all three they answer on public ranges. `staging_private: true` replaces this rule with egress to the endpoints only"));
      }
    }
    if (modules.contains("recovery-instance-security-group")) {
      rows.add(
          new Suppression(
              "checkov",
              "CKV2_AWS_5",
              "`modules/recovery-instance-security-group`, `aws_security_group.this`",
              "DRS, not Terraform, launches the recovery instances; the group reaches them through the recovered servers' launch settings, which are not in this root"));
    }
    rows.add(
        new Suppression(
            "tflint",
            "terraform_unused_declarations",
            "`main.tf`, each `data \"aws_vpc\"`",
            "kept for its postconditions and its provider even where no module reads the VPC: `plan` stops before anything is created when a VPC id, CIDR or DNS attribute is wrong"));
    return rows;
  }
}
