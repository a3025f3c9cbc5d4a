package drslink.schema;

import static drslink.schema.Fragments.bool;
import static drslink.schema.Fragments.distinctListOf;
import static drslink.schema.Fragments.forbids;
import static drslink.schema.Fragments.integer;
import static drslink.schema.Fragments.keyEquals;
import static drslink.schema.Fragments.listOf;
import static drslink.schema.Fragments.matching;
import static drslink.schema.Fragments.nonEmptyListOf;
import static drslink.schema.Fragments.oneOf;
import static drslink.schema.Fragments.ref;
import static drslink.schema.Fragments.requires;

import com.fasterxml.jackson.databind.node.ObjectNode;
import drslink.model.AwsRegions;
import drslink.model.OnPremNetwork;
import drslink.model.ReplicationSettings;
import drslink.model.TerraformSettings;
import drslink.parse.AcknowledgementReader;
import drslink.parse.TopologyReader;
import drslink.validate.Patterns;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The JSON Schema (draft 2020-12) of the topology file, for editors and other tools. Key sets, name and id
 * regexes, region codes and defaults are read from the same constants the reader and validator use, so the
 * schema cannot drift from them. The schema checks shape only; references, overlaps and everything else
 * that needs the whole file stay with the validator, whose messages are the precise ones.
 */
public final class TopologySchema {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  /**
   * The schema's identity, version 1 of the file format. A URN, not a URL: nothing is served under it, and editors
   * find the schema through the {@code yaml-language-server} line or a path. A new format version gets a new $id.
   */
  public static final String ID = "urn:drslink:schema:topology:1";

  /**
   * The two EBS encryption modes. SettingsRule keeps its own copy (package-private); SchemaAgreementTest
   * runs both values and a wrong one through the validator, so the two lists cannot silently part.
   */
  private static final List<String> EBS_ENCRYPTIONS = List.of(ReplicationSettings.DEFAULT_EBS_ENCRYPTION, "CUSTOM");

  private static final int PIT_RETENTION_MIN_DAYS = 1;
  private static final int PIT_RETENTION_MAX_DAYS = 365;

  // Ipv4Cidr.parse accepts four decimal octets of at most three digits up to 255, and FormatsRule allows
  // prefixes /16 to /28 (the VPC limits). Host bits need arithmetic and are left to the validator.
  private static final String OCTET = "(?:[01]?[0-9]?[0-9]|2[0-4][0-9]|25[0-5])";
  private static final Pattern VPC_CIDR = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}/(?:1[6-9]|2[0-8])");
  // On-premises networks: any IPv4 prefix from /1 to /32 (OnPremisesRule refuses /0).
  private static final Pattern NETWORK_CIDR = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}/(?:[1-9]|[12][0-9]|3[0-2])");

  public ObjectNode build() {
    ObjectNode schema = Fragments.object();
    schema.put("$schema", DIALECT);
    schema.put("$id", ID);
    schema.put("title", "drslink topology");
    schema.setAll(topology());
    Map<String, ObjectNode> definitions = new TreeMap<>();
    definitions.put("acknowledgement", acknowledgement());
    definitions.put("account", account());
    definitions.put("connectivity", connectivity());
    definitions.put("onPremises", onPremises());
    definitions.put("region", region());
    definitions.put("replication", replication());
    definitions.put("settings", settings());
    definitions.put("stagingEndpoints", stagingEndpoints());
    definitions.put("terraform", terraform());
    definitions.put("transitGateway", transitGateway());
    definitions.put("vpc", vpc());
    ObjectNode defs = schema.putObject("$defs");
    definitions.forEach(defs::set);
    return schema;
  }

  private static ObjectNode topology() {
    ObjectNode tags = Fragments.described("Tags added to every taggable resource, merged with drslink's own tags.").put("type", "object");
    tags.putObject("propertyNames")
        .put("minLength", 1)
        .put("maxLength", 128)
        .put("pattern", "^(?![aA][wW][sS]:)"); // the aws: prefix is reserved, in any case
    ObjectNode tagValue = tags.putObject("additionalProperties");
    tagValue.set("type", Fragments.array(List.of("string", "number", "boolean")));
    tagValue.put("maxLength", 256);
    return ObjectShape.of("A drslink topology: regions, their existing VPCs, how they connect and what replicates where.", TopologyReader.TOP_KEYS)
        .required("version", Fragments.described("Version of this file format; only 1 is known.").put("const", 1))
        .required("name", matching("Names the output and prefixes resource names, e.g. tokyo-osaka.", Patterns.TOPOLOGY_NAME))
        .optional("tags", tags)
        .optional("terraform", ref("Terraform and AWS provider version constraints written into the generated root.", "terraform"))
        .optional("accounts", listOf("AWS accounts; needed only when VPCs live in different accounts.", ref("An AWS account.", "account")))
        .required("regions", nonEmptyListOf("Regions where DRS is offered, each with its existing VPCs.", ref("A region and its VPCs.", "region")))
        .optional(
            "on_premises",
            listOf(
                "Networks outside AWS whose servers replicate over Direct Connect or VPN.",
                ref("An on-premises network.", "onPremises")))
        .optional(
            "connectivity",
            listOf("How VPCs reach each other, one entry per link; required when a replication crosses VPCs.", ref("A link between two VPCs.", "connectivity")))
        .required(
            "replication",
            nonEmptyListOf("Which VPCs replicate to which with AWS Elastic Disaster Recovery.", ref("One replication into a target VPC.", "replication")))
        .optional(
            AcknowledgementReader.KEY,
            listOf("Warnings accepted one by one, each with its reason; plan shows them. Errors cannot be acknowledged.", ref("One accepted warning.", "acknowledgement")))
        .build();
  }

  private static ObjectNode acknowledgement() {
    return ObjectShape.of("A warning accepted for one item, with the reason reviewers see in the plan.", AcknowledgementReader.ACKNOWLEDGE_KEYS)
        .required("code", matching("The warning's code, e.g. DRS228.", Pattern.compile("DRS[0-9]{3}")))
        .required("item", Fragments.string("The name the warning is about (a VPC, on-premises network, account or replication), e.g. dc-tokyo."))
        .required("reason", Fragments.string("Why the warning is acceptable, e.g. the Direct Connect gateway already allows 10.20.0.0/16.").put("minLength", 1))
        .build();
  }

  private static ObjectNode terraform() {
    return ObjectShape.of("Version constraints for the generated root; all keys optional.", TopologyReader.TERRAFORM_KEYS)
        .optional(
            "required_version",
            matching("Terraform version constraint for the terraform block.", Patterns.VERSION_CONSTRAINT)
                .put("default", TerraformSettings.DEFAULT_REQUIRED_VERSION))
        .optional(
            "aws_provider_version",
            matching("AWS provider version constraint for required_providers.", Patterns.VERSION_CONSTRAINT)
                .put("default", TerraformSettings.DEFAULT_AWS_PROVIDER_VERSION))
        .build();
  }

  private static ObjectNode account() {
    ObjectNode id = Fragments.described("The 12-digit AWS account id, quoted or not.");
    id.set(
        "anyOf",
        Fragments.list(
            matching("12 digits in quotes, e.g. \"111122223333\".", Patterns.ACCOUNT_ID),
            // An unquoted id is a YAML number; the validator reads the digits as written.
            integer("12 digits as a number.", 0).put("maximum", 999_999_999_999L)));
    return ObjectShape.of("An AWS account that VPCs refer to by name.", TopologyReader.ACCOUNT_KEYS)
        .required("name", matching("Name that regions[].vpcs[].account refers to, e.g. prod.", Patterns.ACCOUNT_NAME))
        .required("id", id)
        .optional("role_arn", matching("IAM role the AWS provider assumes for this account.", Patterns.ROLE_ARN))
        .optional(
            "drs_agent_roles",
            bool("drslink may create here the IAM roles DRS agents of cross-account replication need (instance profile, agent"
                    + " installation role); false: you create them yourself.")
                .put("default", true))
        .build();
  }

  private static ObjectNode region() {
    return ObjectShape.of("A region and the existing VPCs in it.", TopologyReader.REGION_KEYS)
        .required("name", oneOf("AWS region code where Elastic Disaster Recovery is offered, e.g. ap-northeast-1.", AwsRegions.drsRegions()))
        .required("vpcs", nonEmptyListOf("The region's existing VPCs.", ref("An existing VPC.", "vpc")))
        .optional(
            "endpoints_vpc",
            vpcReference(
                "VPC of this region that hosts its shared DRS and S3 endpoints and zones: one of its targets (or, where only"
                    + " failback lands, a failback source). Default: the first by name; pinning it keeps a later target from moving them."))
        .build();
  }

  private static ObjectNode vpc() {
    ObjectNode vpc = ObjectShape.of("An existing VPC; drslink creates the private plumbing around it.", TopologyReader.VPC_KEYS)
        .required("name", matching("Unique across the whole file; replication and connectivity refer to it.", Patterns.VPC_NAME))
        .required("id", id("Existing VPC id: vpc- followed by 8 or 17 hex digits.", "vpc"))
        .required("cidr", cidr("The VPC's primary IPv4 CIDR, e.g. 10.10.0.0/16."))
        .optional("cidrs", distinctListOf("Additional IPv4 CIDRs of the VPC.", cidr("An additional CIDR.")))
        .optional("account", matching("Name from accounts; default: the single account.", Patterns.ACCOUNT_NAME))
        .optional("route_table_ids", distinctListOf("Route tables that get routes to peer VPCs.", id("A route table id.", "rtb")))
        .optional(
            "endpoint_subnet_ids",
            distinctListOf("Subnets for the interface endpoints, one per Availability Zone; needed by targets.", id("A subnet id.", "subnet")))
        .optional("staging_subnet_id", id("DRS staging area subnet, where replication servers run; needed by targets.", "subnet"))
        .optional(
            "staging_private",
            bool("The staging subnet has no internet path: drslink adds an EC2 interface endpoint and an S3 gateway endpoint.")
                .put("default", false))
        .optional("existing_staging_endpoints", ref("With staging_private: endpoints that already exist in this VPC, reused instead of created.", "stagingEndpoints"))
        .build();
    // existing_staging_endpoints only means something with staging_private: true (StagingPrivateRule, DRS135).
    ObjectNode reuses = requires("existing_staging_endpoints");
    ObjectNode privateStaging = Fragments.object();
    privateStaging.putObject("properties").putObject("staging_private").put("const", true);
    privateStaging.set("required", Fragments.array(List.of("staging_private")));
    vpc.set("if", reuses);
    vpc.set("then", privateStaging);
    return vpc;
  }

  private static ObjectNode stagingEndpoints() {
    return ObjectShape.of(
            "Existing endpoints of a staging_private VPC that drslink reuses: AWS refuses a second private-DNS interface endpoint"
                + " for a service in a VPC, and a route table routes to a service's prefix list through one gateway endpoint only.",
            TopologyReader.STAGING_ENDPOINT_KEYS)
        .optional("ec2", id("Existing EC2 interface endpoint with private DNS in this VPC; drslink creates none.", "vpce"))
        .optional("s3_gateway", id("Existing S3 gateway endpoint on the VPC's route_table_ids; drslink creates none.", "vpce"))
        .build();
  }

  private static ObjectNode onPremises() {
    return ObjectShape.of("A network outside AWS whose servers replicate over Direct Connect or VPN.", TopologyReader.ON_PREMISES_KEYS)
        .required("name", matching("Unique across VPC and on-premises names; replication and existing links refer to it.", Patterns.VPC_NAME))
        .required("cidrs", nonEmptyListOf("The servers' IPv4 addresses as AWS sees them (after any NAT).", matching("An IPv4 CIDR.", NETWORK_CIDR)).put("uniqueItems", true))
        .optional(
            "dns",
            oneOf("agent_flags: the installer gets --endpoint and --s3-endpoint; resolver_inbound: a Route 53 Resolver inbound endpoint answers the zones.", OnPremNetwork.DNS_MODES)
                .put("default", OnPremNetwork.AGENT_FLAGS))
        .optional(
            "failback_client_cidrs",
            distinctListOf("Where the DRS Failback Client boots; default: cidrs.", matching("An IPv4 CIDR.", NETWORK_CIDR)))
        .build();
  }

  private static ObjectNode connectivity() {
    ObjectNode gateways =
        Fragments.described("Transit gateway of each of the two regions, keyed by region code (type transit_gateway only).").put("type", "object");
    gateways.set("propertyNames", Fragments.object().set("enum", Fragments.array(AwsRegions.drsRegions())));
    gateways.set("additionalProperties", ref("The transit gateway of one region.", "transitGateway"));
    ObjectNode vpcs = listOf("The two linked VPCs; with vpc_peering the first is the requester.", vpcReference("A VPC name."));
    vpcs.put("minItems", 2).put("maxItems", 2);
    ObjectNode link =
        ObjectShape.of("A link between two VPCs.", TopologyReader.CONNECTIVITY_KEYS)
            .required(
                "type",
                oneOf("vpc_peering: drslink creates it; transit_gateway: drslink peers two TGWs; existing: managed elsewhere.", TopologyReader.CONNECTIVITY_TYPES))
            .required("vpcs", vpcs)
            .optional("transit_gateways", gateways)
            .build();
    // transit_gateways is required with type transit_gateway and refused with any other type.
    link.set("if", keyEquals("type", "transit_gateway"));
    link.set("then", requires("transit_gateways"));
    link.set("else", forbids("transit_gateways"));
    return link;
  }

  private static ObjectNode transitGateway() {
    return ObjectShape.of("A transit gateway in one region, which both VPCs of the link attach to.", TopologyReader.GATEWAY_KEYS)
        .required("id", id("Transit gateway id.", "tgw"))
        .required("route_table_id", id("Transit gateway route table that gets the static routes.", "tgw-rtb"))
        .required("attachment_id", id("Attachment of this region's VPC to the transit gateway.", "tgw-attach"))
        .build();
  }

  private static ObjectNode replication() {
    return ObjectShape.of("One replication: source VPCs replicate into a target VPC in another region.", TopologyReader.REPLICATION_KEYS)
        .required("name", matching("Unique name of the replication, e.g. app-to-osaka.", Patterns.REPLICATION_NAME))
        .required(
            "sources",
            nonEmptyListOf("Source VPC names, in regions other than the target's.", vpcReference("A source VPC name.")).put("uniqueItems", true))
        .required("target", vpcReference("Target VPC name; it needs endpoint_subnet_ids and staging_subnet_id."))
        .optional("failback", bool("Also build the mirror-image endpoints and zones so recovered instances can fail back privately.").put("default", false))
        .optional("settings", ref("Renders the DRS replication configuration template for the target region.", "settings"))
        .optional(
            "recovery_subnet_id",
            id("Subnet of the target VPC where this replication's recovery instances launch; set per source server in its EC2 launch template (commands in the generated README).", "subnet"))
        .optional(
            "recovery_security_group_ids",
            distinctListOf("Security groups of the target VPC for this replication's recovery instances, set with recovery_subnet_id.", id("A security group id.", "sg")))
        .build();
  }

  private static ObjectNode settings() {
    ObjectNode settings =
        ObjectShape.of("The DRS replication configuration template (private data routing, no public IP).", TopologyReader.SETTINGS_KEYS)
            .optional(
                "replication_server_instance_type",
                matching("EC2 instance type of the replication servers.", Patterns.INSTANCE_TYPE).put("default", ReplicationSettings.DEFAULT_INSTANCE_TYPE))
            .optional(
                "ebs_encryption",
                oneOf("DEFAULT (the account's EBS key) or CUSTOM (then ebs_encryption_key_arn).", EBS_ENCRYPTIONS)
                    .put("default", ReplicationSettings.DEFAULT_EBS_ENCRYPTION))
            .optional("ebs_encryption_key_arn", matching("KMS key in the target region for the staging disks; only with CUSTOM.", Patterns.KMS_KEY_ARN))
            .optional(
                "bandwidth_throttling",
                integer("Replication bandwidth limit in Mbps; 0 = unlimited.", 0).put("default", ReplicationSettings.DEFAULT_BANDWIDTH_THROTTLING))
            .optional(
                "pit_retention_days",
                integer("Days to keep point-in-time recovery points, the only PIT setting AWS lets you change.", PIT_RETENTION_MIN_DAYS, PIT_RETENTION_MAX_DAYS)
                    .put("default", ReplicationSettings.DEFAULT_PIT_RETENTION_DAYS))
            .optional(
                "existing_template_id",
                matching("The region's existing replication configuration template, adopted with an import block instead of creating a second one.", Patterns.TEMPLATE_ID))
            .optional(
                "manage_template",
                bool("false: drslink renders no template for the target's account and region; the generated README lists the values to set by hand.")
                    .put("default", true))
            .build();
    // CUSTOM needs a key, and a key needs CUSTOM (the default, DEFAULT, refuses one).
    settings.set("if", keyEquals("ebs_encryption", "CUSTOM"));
    settings.set("then", requires("ebs_encryption_key_arn"));
    settings.set("else", forbids("ebs_encryption_key_arn"));
    return settings;
  }

  private static ObjectNode id(String description, String prefix) {
    ObjectNode id = matching(description, Patterns.awsId(prefix));
    id.set("examples", Fragments.array(List.of(Patterns.idExample(prefix))));
    return id;
  }

  private static ObjectNode cidr(String description) {
    return matching(description, VPC_CIDR);
  }

  /** A VPC name; the validator refuses names that match no VPC, and every VPC name has this shape. */
  private static ObjectNode vpcReference(String description) {
    return matching(description, Patterns.VPC_NAME);
  }
}
