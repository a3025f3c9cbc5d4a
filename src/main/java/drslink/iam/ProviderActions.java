package drslink.iam;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the hashicorp/aws provider calls for each resource and data source type this root declares: one row per
 * type with the IAM actions its create, read, update (tags included) and delete make, and the provider source file
 * (or AWS page) the row was read from. Provider files are under
 * https://github.com/hashicorp/terraform-provider-aws/blob/main/. Actions another action depends on (the "Dependent
 * actions" column of the AWS Service Authorization Reference, or the service's own API permissions page) are in the
 * row of the resource whose call needs them. ProviderActionsTest keeps every type in modules/ and the plan covered.
 */
public final class ProviderActions {
  private ProviderActions() {}

  /** One type: the actions it needs, where that comes from. */
  public record Row(String type, List<String> actions, String source) {
    public Row {
      actions = List.copyOf(actions);
    }
  }

  private static final String PROVIDER = "https://github.com/hashicorp/terraform-provider-aws/blob/main/";
  private static final String EC2_TAGS = "ec2:CreateTags";
  private static final String EC2_UNTAG = "ec2:DeleteTags";

  /** Made by every provider configuration: the account id, which allowed_account_ids is checked against. */
  public static final Row PROVIDER_CONFIGURATION =
      new Row(
          "provider \"aws\"",
          List.of("sts:GetCallerIdentity"),
          PROVIDER + "internal/conns/config.go (GetCallerIdentity for the account id; AWS never denies it: https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html)");

  private static final Map<String, Row> ROWS = new TreeMap<>();

  private static void row(String type, String source, String... actions) {
    ROWS.put(type, new Row(type, List.of(actions), source));
  }

  static {
    // data sources
    row("data.aws_vpc", PROVIDER + "internal/service/ec2/vpc_data_source.go (DNS attributes and the main route table are read too)",
        "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeRouteTables");
    row("data.aws_caller_identity", PROVIDER + "internal/service/sts/caller_identity_data_source.go", "sts:GetCallerIdentity");
    row("data.aws_ec2_transit_gateway", PROVIDER + "internal/service/ec2/transitgateway_data_source.go", "ec2:DescribeTransitGateways");
    row("data.aws_vpc_endpoint", PROVIDER + "internal/service/ec2/vpc_endpoint_data_source.go (a gateway endpoint's prefix list is read with DescribePrefixLists)",
        "ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists");
    row("data.aws_ec2_transit_gateway_vpc_attachment", PROVIDER + "internal/service/ec2/transitgateway_vpc_attachment_data_source.go",
        "ec2:DescribeTransitGatewayVpcAttachments");
    // resources
    row("terraform_data", "https://developer.hashicorp.com/terraform/language/resources/terraform-data (built into Terraform, no AWS call)");
    row("aws_security_group", PROVIDER + "internal/service/ec2/vpc_security_group.go (the default egress rule is revoked on create; lingering ENIs are looked up on delete)",
        "ec2:CreateSecurityGroup", "ec2:DescribeSecurityGroups", "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
        "ec2:DeleteSecurityGroup", "ec2:DescribeNetworkInterfaces", EC2_TAGS, EC2_UNTAG);
    row("aws_vpc_security_group_ingress_rule", PROVIDER + "internal/service/ec2/vpc_security_group_ingress_rule.go",
        "ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSecurityGroupRules", "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupIngress", EC2_TAGS, EC2_UNTAG);
    row("aws_vpc_security_group_egress_rule", PROVIDER + "internal/service/ec2/vpc_security_group_egress_rule.go",
        "ec2:AuthorizeSecurityGroupEgress", "ec2:DescribeSecurityGroupRules", "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupEgress", EC2_TAGS, EC2_UNTAG);
    row("aws_vpc_endpoint", PROVIDER + "internal/service/ec2/vpc_endpoint.go (a gateway endpoint's prefix list is read with DescribePrefixLists)",
        "ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints", "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:DescribePrefixLists", EC2_TAGS, EC2_UNTAG);
    row("aws_vpc_peering_connection", PROVIDER + "internal/service/ec2/vpc_peering_connection.go",
        "ec2:CreateVpcPeeringConnection", "ec2:DescribeVpcPeeringConnections", "ec2:ModifyVpcPeeringConnectionOptions", "ec2:DeleteVpcPeeringConnection", EC2_TAGS, EC2_UNTAG);
    row("aws_vpc_peering_connection_accepter", PROVIDER + "internal/service/ec2/vpc_peering_connection_accepter.go (destroy only forgets the accepter; the requester deletes)",
        "ec2:AcceptVpcPeeringConnection", "ec2:DescribeVpcPeeringConnections", "ec2:ModifyVpcPeeringConnectionOptions", EC2_TAGS, EC2_UNTAG);
    row("aws_route", PROVIDER + "internal/service/ec2/vpc_route.go", "ec2:CreateRoute", "ec2:DescribeRouteTables", "ec2:ReplaceRoute", "ec2:DeleteRoute");
    row("aws_ec2_transit_gateway_peering_attachment", PROVIDER + "internal/service/ec2/transitgateway_peering_attachment.go",
        "ec2:CreateTransitGatewayPeeringAttachment", "ec2:DescribeTransitGatewayPeeringAttachments", "ec2:DeleteTransitGatewayPeeringAttachment", EC2_TAGS, EC2_UNTAG);
    row("aws_ec2_transit_gateway_peering_attachment_accepter", PROVIDER + "internal/service/ec2/transitgateway_peering_attachment_accepter.go (destroy deletes the attachment)",
        "ec2:AcceptTransitGatewayPeeringAttachment", "ec2:DescribeTransitGatewayPeeringAttachments", "ec2:DeleteTransitGatewayPeeringAttachment", EC2_TAGS, EC2_UNTAG);
    row("aws_ec2_transit_gateway_route", PROVIDER + "internal/service/ec2/transitgateway_route.go (read searches the route table)",
        "ec2:CreateTransitGatewayRoute", "ec2:SearchTransitGatewayRoutes", "ec2:DeleteTransitGatewayRoute");
    row("aws_ec2_transit_gateway_route_table_association", PROVIDER + "internal/service/ec2/transitgateway_route_table_association.go (replace_existing_association reads the attachment's current association)",
        "ec2:AssociateTransitGatewayRouteTable", "ec2:GetTransitGatewayRouteTableAssociations", "ec2:DescribeTransitGatewayAttachments", "ec2:DisassociateTransitGatewayRouteTable");
    row("aws_route53_zone", PROVIDER + "internal/service/route53/zone.go (a private zone's VPC needs ec2:DescribeVpcs: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/r53-api-permissions-ref.html)",
        "route53:CreateHostedZone", "route53:GetHostedZone", "route53:GetChange", "route53:ListTagsForResource", "route53:ChangeTagsForResource",
        "route53:UpdateHostedZoneComment", "route53:DeleteHostedZone", "ec2:DescribeVpcs");
    row("aws_route53_record", PROVIDER + "internal/service/route53/record.go",
        "route53:ChangeResourceRecordSets", "route53:ListResourceRecordSets", "route53:GetHostedZone", "route53:GetChange");
    row("aws_route53_vpc_association_authorization", PROVIDER + "internal/service/route53/vpc_association_authorization.go",
        "route53:CreateVPCAssociationAuthorization", "route53:ListVPCAssociationAuthorizations", "route53:DeleteVPCAssociationAuthorization");
    row("aws_route53_zone_association", PROVIDER + "internal/service/route53/zone_association.go (read lists the VPC's zones; the VPC needs ec2:DescribeVpcs: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/r53-api-permissions-ref.html)",
        "route53:AssociateVPCWithHostedZone", "route53:ListHostedZonesByVPC", "route53:GetHostedZone", "route53:DisassociateVPCFromHostedZone", "route53:GetChange", "ec2:DescribeVpcs");
    row("aws_route53_resolver_endpoint", PROVIDER + "internal/service/route53resolver/endpoint.go (the ENI calls Resolver makes as the caller: https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/r53-api-permissions-ref.html#required-permissions-resolver)",
        "route53resolver:CreateResolverEndpoint", "route53resolver:GetResolverEndpoint", "route53resolver:ListResolverEndpointIpAddresses",
        "route53resolver:UpdateResolverEndpoint", "route53resolver:AssociateResolverEndpointIpAddress", "route53resolver:DisassociateResolverEndpointIpAddress",
        "route53resolver:DeleteResolverEndpoint", "route53resolver:ListTagsForResource", "route53resolver:TagResource", "route53resolver:UntagResource",
        "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs");
    // IAM (modules drs-agent-instance-profile, drs-agent-installation-role): tags are read with the role and profile,
    // and written with Tag*/Untag* (internal/service/iam/tags.go).
    row("aws_iam_role", PROVIDER + "internal/service/iam/role.go (read lists inline and attached policies; delete first removes the role from its instance profiles)",
        "iam:CreateRole", "iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListRoleTags", "iam:UpdateAssumeRolePolicy",
        "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:TagRole", "iam:UntagRole", "iam:ListInstanceProfilesForRole",
        "iam:RemoveRoleFromInstanceProfile", "iam:DeleteRole");
    row("aws_iam_role_policy_attachment", PROVIDER + "internal/service/iam/role_policy_attachment.go",
        "iam:AttachRolePolicy", "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy");
    row("aws_iam_instance_profile", PROVIDER + "internal/service/iam/instance_profile.go (adding the role needs iam:PassRole on it: https://docs.aws.amazon.com/IAM/latest/APIReference/API_AddRoleToInstanceProfile.html)",
        "iam:CreateInstanceProfile", "iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:PassRole", "iam:RemoveRoleFromInstanceProfile",
        "iam:DeleteInstanceProfile", "iam:ListInstanceProfileTags", "iam:TagInstanceProfile", "iam:UntagInstanceProfile");
    row("aws_drs_replication_configuration_template", PROVIDER + "internal/service/drs/replication_configuration_template.go (create depends on drs:TagResource: https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticdisasterrecovery.html)",
        "drs:CreateReplicationConfigurationTemplate", "drs:DescribeReplicationConfigurationTemplates", "drs:UpdateReplicationConfigurationTemplate",
        "drs:DeleteReplicationConfigurationTemplate", "drs:ListTagsForResource", "drs:TagResource", "drs:UntagResource");
  }

  /**
   * Data sources declared inside the vendored modules, by module: they are not in the plan's resource list, but every
   * provider the module is given reads them. ProviderActionsTest compares this with the data blocks in modules/.
   */
  public static final Map<String, List<String>> MODULE_DATA_SOURCES =
      Map.of(
          "tgw-peering", List.of("data.aws_caller_identity", "data.aws_ec2_transit_gateway"),
          "tgw-peering-routes", List.of("data.aws_ec2_transit_gateway_vpc_attachment"),
          // the units layout's halves of the two (docs/units-layout.md)
          "tgw-peering-requester", List.of("data.aws_caller_identity"),
          "tgw-peering-accepter", List.of("data.aws_ec2_transit_gateway"),
          "tgw-peering-requester-routes", List.of("data.aws_ec2_transit_gateway"),
          "tgw-peering-routes-requester", List.of("data.aws_ec2_transit_gateway_vpc_attachment"),
          "tgw-peering-routes-accepter", List.of("data.aws_ec2_transit_gateway_vpc_attachment"),
          // existing_staging_endpoints: the reused endpoints are read, never managed
          "private-staging", List.of("data.aws_vpc_endpoint"));

  /** The row for a resource type ({@code aws_route}) or data source ({@code data.aws_vpc}). */
  public static Row of(String type) {
    Row row = ROWS.get(type);
    if (row == null) {
      throw new IllegalStateException("no IAM actions known for " + type + ": add a row to drslink.iam.ProviderActions");
    }
    return row;
  }

  /** Every row, sorted by type (docs/iam.md prints this table). */
  public static List<Row> all() {
    return List.copyOf(ROWS.values());
  }
}
