package drslink.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One valid topology, changed in one place per case, judged by both the schema and the validator. The
 * cases sit on the boundaries the two sides encode separately (enums, ranges, CIDR prefixes, the
 * transit_gateways and CUSTOM key rules), so a change to one side that the other misses fails here.
 */
class SchemaAgreementTest {
  private static final String VALID =
      """
      version: 1
      name: tokyo-osaka
      tags:
        Project: disaster-recovery
      accounts:
        - name: prod
          id: "111122223333"
      regions:
        - name: ap-northeast-1
          vpcs:
            - name: app
              id: vpc-0a1b2c3d4e5f67890
              cidr: 10.10.0.0/16
              route_table_ids: [rtb-0123456789abcdef0]
        - name: ap-northeast-3
          vpcs:
            - name: dr
              id: vpc-0fedcba9876543210
              cidr: 10.20.0.0/16
              route_table_ids: [rtb-0fedcba9876543210]
              endpoint_subnet_ids: [subnet-0aaaaaaaaaaaaaaaa, subnet-0bbbbbbbbbbbbbbbb]
              staging_subnet_id: subnet-0cccccccccccccccc
      connectivity:
        - type: vpc_peering
          vpcs: [app, dr]
      replication:
        - name: app-to-osaka
          sources: [app]
          target: dr
          settings:
            ebs_encryption: DEFAULT
            bandwidth_throttling: 0
            pit_retention_days: 7
      """;

  private static final String KEY_ARN = "arn:aws:kms:ap-northeast-3:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private static final SchemaCheck SCHEMA = new SchemaCheck();

  static Stream<Arguments> cases() {
    return Stream.of(
        accepted("theUnchangedTopology", "version: 1", "version: 1"),
        rejected("anUnknownKey", "cidr: 10.10.0.0/16", "cidr: 10.10.0.0/16\n        colour: blue"),
        rejected("aMalformedVpcId", "vpc-0a1b2c3d4e5f67890", "vpc-0a1b2c3d4e5f6789"),
        rejected("aMissingName", "name: tokyo-osaka\n", ""),
        rejected("aBadTopologyName", "name: tokyo-osaka", "name: Tokyo-Osaka"),
        rejected("versionTwo", "version: 1", "version: 2"),
        rejected("anUnknownRegion", "ap-northeast-1", "ap-northeast-9"),
        rejected("aRegionWithoutDrs", "ap-northeast-1", "cn-north-1"),
        accepted("anUnquotedAccountId", "id: \"111122223333\"", "id: 111122223333"),
        rejected("anElevenDigitAccountId", "id: \"111122223333\"", "id: \"11112222333\""),
        rejected("aReservedTagKey", "Project: disaster-recovery", "aws:project: disaster-recovery"),
        accepted("aSlash28Cidr", "cidr: 10.20.0.0/16", "cidr: 10.20.0.0/28"),
        rejected("aSlash15Cidr", "cidr: 10.20.0.0/16", "cidr: 10.20.0.0/15"),
        rejected("anOctetAbove255", "cidr: 10.20.0.0/16", "cidr: 10.256.0.0/16"),
        accepted("extraCidrs", "cidr: 10.20.0.0/16", "cidr: 10.20.0.0/16\n        cidrs: [100.64.0.0/20]"),
        accepted("aPrivateStagingArea", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: true"),
        accepted("reusedStagingEndpoints", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: true\n        existing_staging_endpoints: {ec2: vpce-0123456789abcdef0, s3_gateway: vpce-0123456789abcdef1}"),
        rejected("reusedStagingEndpointsWithoutStagingPrivate", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        existing_staging_endpoints: {ec2: vpce-0123456789abcdef0}"),
        rejected("aMalformedEndpointId", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: true\n        existing_staging_endpoints: {s3_gateway: vpce-0123}"),
        rejected("anUnknownStagingEndpoint", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: true\n        existing_staging_endpoints: {drs: vpce-0123456789abcdef0}"),
        rejected("stagingPrivateAsString", "staging_subnet_id: subnet-0cccccccccccccccc", "staging_subnet_id: subnet-0cccccccccccccccc\n        staging_private: \"yes\""),
        rejected("aLinkOfThreeVpcs", "vpcs: [app, dr]", "vpcs: [app, dr, app]"),
        rejected("anUnknownLinkType", "type: vpc_peering", "type: vpn"),
        rejected("transitGatewaysOnAPeering", "vpcs: [app, dr]", "vpcs: [app, dr]\n    transit_gateways: {}"),
        rejected("aTransitGatewayLinkWithoutGateways", "type: vpc_peering", "type: transit_gateway"),
        rejected("aSourceListedTwice", "sources: [app]", "sources: [app, app]"),
        rejected("noSources", "sources: [app]", "sources: []"),
        accepted("failbackOff", "target: dr", "target: dr\n    failback: false"),
        rejected("pitRetentionOfZeroDays", "pit_retention_days: 7", "pit_retention_days: 0"),
        accepted("pitRetentionOfOneDay", "pit_retention_days: 7", "pit_retention_days: 1"),
        accepted("pitRetentionOf365Days", "pit_retention_days: 7", "pit_retention_days: 365"),
        rejected("pitRetentionOf366Days", "pit_retention_days: 7", "pit_retention_days: 366"),
        rejected("negativeBandwidth", "bandwidth_throttling: 0", "bandwidth_throttling: -1"),
        accepted("someBandwidth", "bandwidth_throttling: 0", "bandwidth_throttling: 100"),
        rejected("anUnknownEncryption", "ebs_encryption: DEFAULT", "ebs_encryption: AES"),
        accepted("customEncryptionWithAKey", "ebs_encryption: DEFAULT", "ebs_encryption: CUSTOM\n      ebs_encryption_key_arn: " + KEY_ARN),
        rejected("customEncryptionWithoutAKey", "ebs_encryption: DEFAULT", "ebs_encryption: CUSTOM"),
        rejected("aKeyWithDefaultEncryption", "ebs_encryption: DEFAULT", "ebs_encryption: DEFAULT\n      ebs_encryption_key_arn: " + KEY_ARN),
        rejected("aMalformedInstanceType", "ebs_encryption: DEFAULT", "ebs_encryption: DEFAULT\n      replication_server_instance_type: small"),
        rejected("aBadVersionConstraint", "version: 1", "version: 1\nterraform:\n  required_version: latest"));
  }

  private static Arguments accepted(String name, String from, String to) {
    return Arguments.of(name, from, to, true);
  }

  private static Arguments rejected(String name, String from, String to) {
    return Arguments.of(name, from, to, false);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void schemaAndValidatorGiveTheSameVerdict(String name, String from, String to, boolean valid, @TempDir Path tmp) throws IOException {
    assertTrue(VALID.contains(from), name + ": the case edits text that is not in the topology: " + from);
    String text = VALID.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    Path file = tmp.resolve("topology.yaml");
    Files.writeString(file, text);
    List<SchemaCheck.Complaint> complaints = SCHEMA.complaints(text.getBytes(StandardCharsets.UTF_8));
    ValidatorVerdict verdict = ValidatorVerdict.of(file);
    if (valid) {
      assertEquals(List.of(), complaints, name + ": the schema rejects a valid topology");
      assertEquals(0, verdict.exitCode(), name + ": the validator rejects a valid topology:\n" + verdict.stderr());
    } else {
      assertTrue(!complaints.isEmpty(), name + ": the schema accepts what the validator must reject:\n" + text);
      Agreement.assertValidatorAtLeastAsPrecise(name, text.getBytes(StandardCharsets.UTF_8), complaints, verdict);
    }
  }
}
