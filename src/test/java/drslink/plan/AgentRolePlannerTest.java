package drslink.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import drslink.model.Topology;
import drslink.model.derived.ReplicationModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Which account gets which DRS agent role (issue 22 item 4): an instance profile in each account whose EC2 sources
 * replicate into another account's staging area, an installation role in that staging account trusting exactly
 * those source accounts, nothing for same-account replication, and nothing in an account with
 * {@code drs_agent_roles: false}.
 */
class AgentRolePlannerTest {
  private static final String PROD_ROLE = "    role_arn: arn:aws:iam::111122223333:role/drslink-apply\n";
  private static final String DR_ROLE = "    role_arn: arn:aws:iam::444455556666:role/drslink-apply\n";

  /** The guide is built from the finished plan and the model, as the pipeline builds it. */
  private final Map<Plan, Guide> guides = new IdentityHashMap<>();

  private Plan plan(String yaml) {
    Topology topology = PlannerTest.topology(yaml);
    Plan plan = new Planner().plan(topology, "x");
    guides.put(plan, GuidePlanner.guide(plan, ReplicationModel.of(topology)));
    return plan;
  }

  /** module label -> account, for the modules of one kind. */
  private static Map<String, String> modules(Plan plan, String module) {
    Map<String, String> out = new TreeMap<>();
    plan.modules().stream().filter(m -> m.module().equals(module)).forEach(m -> out.put(m.label(), m.account()));
    return out;
  }

  private static Hcl argument(Plan plan, String label, String name) {
    ModuleCall call = plan.modules().stream().filter(m -> m.label().equals(label)).findFirst().orElseThrow();
    return call.arguments().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().value();
  }

  private Guide.AgentInstall install(Plan plan, String source) {
    return guides.get(plan).installs().stream().filter(i -> i.source().equals(source)).findFirst().orElseThrow();
  }

  @Test
  void crossAccountSourcesGetAnInstanceProfileAndTheStagingAccountAnInstallationRoleTrustingThem() throws IOException {
    Plan plan = plan(PlannerTest.example("cross-account"));

    // payments and crm are both prod, in two regions: IAM is global, so one instance profile.
    assertEquals(Map.of("drs_agent_profile_prod", "prod"), modules(plan, AgentRolePlanner.INSTANCE_PROFILE_MODULE));
    assertEquals(Map.of("drs_agent_installation_dr", "dr"), modules(plan, AgentRolePlanner.INSTALLATION_MODULE));
    assertEquals(Hcl.str("eu-cross-account-drs-agent-ec2"), argument(plan, "drs_agent_profile_prod", "name"));
    assertEquals(Hcl.str("eu-cross-account-drs-agent-install"), argument(plan, "drs_agent_installation_dr", "name"));
    assertEquals(Hcl.strings(List.of("111122223333")), argument(plan, "drs_agent_installation_dr", "trusted_account_ids"));
    for (String source : List.of("payments", "crm")) {
      Guide.AgentInstall i = install(plan, source);
      assertEquals("eu-cross-account-drs-agent-ec2", i.instanceProfile(), source);
      assertEquals("arn:aws:iam::444455556666:role/eu-cross-account-drs-agent-install", i.installationRoleArn(), source);
      assertEquals("dr", i.registrar().accountName(), source);
    }
  }

  @Test
  void sameAccountReplicationGetsNoAgentRoles() throws IOException {
    Plan plan = plan(PlannerTest.example("tokyo-osaka"));

    assertEquals(Map.of(), modules(plan, AgentRolePlanner.INSTANCE_PROFILE_MODULE));
    assertEquals(Map.of(), modules(plan, AgentRolePlanner.INSTALLATION_MODULE));
    assertNull(install(plan, "app").instanceProfile());
    assertNull(install(plan, "app").installationRoleArn());
  }

  @Test
  void optOutOnTheSourceAccountKeepsOnlyTheInstallationRole() throws IOException {
    String yaml = PlannerTest.example("cross-account").replace(PROD_ROLE, PROD_ROLE + "    drs_agent_roles: false\n");
    Plan plan = plan(yaml);

    assertEquals(Map.of(), modules(plan, AgentRolePlanner.INSTANCE_PROFILE_MODULE));
    assertEquals(Map.of("drs_agent_installation_dr", "dr"), modules(plan, AgentRolePlanner.INSTALLATION_MODULE));
    assertNull(install(plan, "payments").instanceProfile());
    assertEquals("arn:aws:iam::444455556666:role/eu-cross-account-drs-agent-install", install(plan, "payments").installationRoleArn());
  }

  @Test
  void optOutOnTheStagingAccountKeepsOnlyTheInstanceProfile() throws IOException {
    String yaml = PlannerTest.example("cross-account").replace(DR_ROLE, DR_ROLE + "    drs_agent_roles: false\n");
    Plan plan = plan(yaml);

    assertEquals(Map.of("drs_agent_profile_prod", "prod"), modules(plan, AgentRolePlanner.INSTANCE_PROFILE_MODULE));
    assertEquals(Map.of(), modules(plan, AgentRolePlanner.INSTALLATION_MODULE));
    assertEquals("eu-cross-account-drs-agent-ec2", install(plan, "payments").instanceProfile());
    assertNull(install(plan, "payments").installationRoleArn());
  }

  @Test
  void optOutTrueIsTheDefault() throws IOException {
    String yaml = PlannerTest.example("cross-account").replace(DR_ROLE, DR_ROLE + "    drs_agent_roles: true\n");
    assertEquals(plan(PlannerTest.example("cross-account")).modules(), plan(yaml).modules());
  }

  @Test
  void twoSourceAccountsGetOneProfileEachAndOneInstallationRoleTrustingBoth() throws IOException {
    Plan plan = plan(Files.readString(Path.of("src/test/resources/golden/failback-accounts/topology.yaml")));

    assertEquals(
        Map.of("drs_agent_profile_prod", "prod", "drs_agent_profile_shared_services", "shared-services"),
        modules(plan, AgentRolePlanner.INSTANCE_PROFILE_MODULE));
    assertEquals(Map.of("drs_agent_installation_dr", "dr"), modules(plan, AgentRolePlanner.INSTALLATION_MODULE));
    assertEquals(Hcl.strings(List.of("111111111111", "222222222222")), argument(plan, "drs_agent_installation_dr", "trusted_account_ids"));
  }
}
