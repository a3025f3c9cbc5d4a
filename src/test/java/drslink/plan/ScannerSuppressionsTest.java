package drslink.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated README lists the suppressions that arise in its root, and only those. */
class ScannerSuppressionsTest {

  private static List<String> checks(String example) throws IOException {
    Plan plan = new Planner().plan(PlannerTest.topology(PlannerTest.example(example)), "x");
    return ScannerSuppressions.of(plan).stream().map(s -> s.scanner() + " " + s.check() + " " + s.where()).toList();
  }

  @Test
  void aRootWithoutFailbackGroupsListsNoRecoveryGroupSuppression() throws IOException {
    assertEquals(
        List.of(
            "checkov CKV2_AWS_5 `modules/staging-security-group`, `aws_security_group.this`",
            "trivy AWS-0104 `modules/staging-security-group`, `aws_vpc_security_group_egress_rule.https`",
            "tflint terraform_unused_declarations `main.tf`, each `data \"aws_vpc\"`"),
        checks("tokyo-osaka"));
  }

  @Test
  void onPremisesFailbackAddsTheRecoveryGroupsSuppression() throws IOException {
    assertEquals(
        "checkov CKV2_AWS_5 `modules/recovery-instance-security-group`, `aws_security_group.this`",
        checks("hybrid").get(2));
  }
}
