package drslink.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import drslink.validate.InvalidTopologiesTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Inputs the contract allows must pass {@code validate}: the bundled examples, anchors, hostile tag values. */
class ValidTopologiesTest {
  @TempDir Path tmp;

  static Stream<String> examples() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("examples"))) {
      return dirs.map(dir -> dir.resolve("topology.yaml")).filter(Files::exists).map(p -> p.toString().replace('\\', '/')).sorted().toList().stream();
    }
  }

  @Test
  void bundlesTheTwoExamplesTheReadmeNames() throws IOException {
    assertTrue(examples().toList().containsAll(java.util.List.of("examples/tokyo-osaka/topology.yaml", "examples/fan-in/topology.yaml")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void acceptsEveryBundledExample(String example) {
    Run run = Run.of("validate", example);

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(example + ": valid\n", run.out());
    assertFalse(run.err().contains(": error: "), run.err());
  }

  private Run validate(String yaml) throws IOException {
    Path file = tmp.resolve("topology.yaml");
    Files.writeString(file, yaml);
    return Run.of("validate", file.toString());
  }

  @Test
  void acceptsAnchorsAndAliasesOfScalarsListsAndMappings() throws IOException {
    Run run =
        validate(
            """
            version: 1
            name: anchors
            tags: &tags
              Project: dr
            regions:
              - name: ap-northeast-1
                vpcs:
                  - name: &app app
                    id: vpc-0a1b2c3d4e5f67890
                    cidr: 10.10.0.0/16
                    route_table_ids: &tables [rtb-0123456789abcdef0]
                    endpoint_subnet_ids: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
                    staging_subnet_id: subnet-0123456789abcdef2
              - name: ap-northeast-3
                vpcs:
                  - name: &dr dr
                    id: vpc-0fedcba9876543210
                    cidr: 10.20.0.0/16
                    route_table_ids: [rtb-0fedcba9876543210]
                    endpoint_subnet_ids: &subnets [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
                    staging_subnet_id: subnet-0cccccccccccccccc
            connectivity:
              - type: vpc_peering
                vpcs: [*app, *dr]
            replication:
              - name: app-to-osaka
                sources: &sources [*app]
                target: *dr
                failback: &yes true
                settings: &settings
                  pit_retention_days: 14
              - name: app-to-osaka-again
                sources: *sources
                target: *dr
                failback: *yes
                settings: *settings
            """);

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  /** What AWS takes in tags (letters of any script, digits, spaces, _.:/=+-@), however odd; the rest is DRS049. */
  void acceptsUnusualButLegalTagValues() throws IOException {
    Run run =
        validate(
            """
            version: 1
            name: hostile
            tags:
              "Key with spaces": "say hello"
              Path: "C:/temp/"
              Jndi: "jndi:ldap://attacker.example/a"
              "cost-center/team": "a=b: c@d+e"
              Unicode: "東京 大阪 𠀀 Ⅻ ²"
              Empty: ""
              Number: 42
            regions:
              - name: ap-northeast-1
                vpcs:
                  - name: app
                    id: vpc-0a1b2c3d
                    cidr: 10.10.0.0/16
                    endpoint_subnet_ids: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
                    staging_subnet_id: subnet-0123456789abcdef2
              - name: ap-northeast-3
                vpcs:
                  - name: dr
                    id: vpc-0fedcba9
                    cidr: 10.20.0.0/16
                    endpoint_subnet_ids: [subnet-0aaaaaaa, subnet-0bbbbbbb]
                    staging_subnet_id: subnet-0ccccccc
            connectivity:
              - type: existing
                vpcs: [app, dr]
            replication:
              - name: app-to-osaka
                sources: [app]
                target: dr
                failback: true
            """);

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }

  @Test
  void acceptsAccountsWithUnquotedIdsRolesAndACustomKey() throws IOException {
    Run run =
        validate(
            """
            version: 1
            name: cross-account
            accounts:
              - name: prod
                id: 111122223333
                role_arn: arn:aws:iam::111122223333:role/path/terraform
              - name: dr
                id: "444455556666"
            regions:
              - name: ap-northeast-1
                vpcs:
                  - name: app
                    account: prod
                    id: vpc-0a1b2c3d4e5f67890
                    cidr: 10.10.0.0/16
                    cidrs: [10.11.0.0/16]
                    endpoint_subnet_ids: [subnet-0123456789abcdef0, subnet-0123456789abcdef1]
                    staging_subnet_id: subnet-0123456789abcdef2
              - name: ap-northeast-3
                vpcs:
                  - name: dr
                    account: dr
                    id: vpc-0fedcba9876543210
                    cidr: 10.20.0.0/16
                    route_table_ids: [rtb-0fedcba9876543210]
                    endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
                    staging_subnet_id: subnet-0cccccccccccccccc
            connectivity:
              - type: vpc_peering
                vpcs: [dr, app]
            replication:
              - name: app-to-osaka
                sources: [app]
                target: dr
                failback: true
                settings:
                  replication_server_instance_type: m5.large
                  ebs_encryption: CUSTOM
                  ebs_encryption_key_arn: arn:aws:kms:ap-northeast-3:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab
                  bandwidth_throttling: 100
                  pit_retention_days: 365
            terraform:
              required_version: ">= 1.5.0, < 2.0.0"
              aws_provider_version: "~> 5.70"
            """);

    assertEquals("", run.err());
    assertEquals(0, run.exitCode());
  }
}
