package drslink.iam;

import java.util.List;

/**
 * The IAM actions {@code drslink preflight} and {@code drslink verify} call in each account: every SDK operation in
 * drslink.live (SdkCloud) and the hand-signed DRS and Route 53 Resolver reads (DrsReader, ResolverReader). LiveReadActionsTest scans src/main/java/drslink/live
 * for the operations it calls and fails when this list and the code differ, so a new live call cannot ship without
 * its permission. IAM action names are the API operation names for these services
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html,
 * .../list_amazonroute53.html, .../list_amazonroute53resolver.html, .../list_awselasticdisasterrecovery.html).
 */
public final class LiveReadActions {
  private LiveReadActions() {}

  public static final List<String> ACTIONS =
      List.of(
          "drs:DescribeReplicationConfigurationTemplates",
          "drs:DescribeSourceServers",
          "drs:GetLaunchConfiguration",
          "drs:GetReplicationConfiguration",
          "ec2:DescribeDhcpOptions",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:DescribeNetworkAcls",
          "ec2:DescribeRouteTables",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeTransitGatewayAttachments",
          "ec2:DescribeTransitGatewayRouteTables",
          "ec2:DescribeTransitGatewayVpcAttachments",
          "ec2:DescribeVpcAttribute",
          "ec2:DescribeVpcEndpointServices",
          "ec2:DescribeVpcEndpoints",
          "ec2:DescribeVpcPeeringConnections",
          "ec2:DescribeVpcs",
          "ec2:GetManagedPrefixListEntries",
          "ec2:SearchTransitGatewayRoutes",
          "route53:ListHostedZonesByVPC",
          "route53:ListResourceRecordSets",
          "route53:ListTagsForResource",
          "route53resolver:GetResolverRule",
          "route53resolver:ListResolverEndpointIpAddresses",
          "route53resolver:ListResolverEndpoints",
          "route53resolver:ListResolverRuleAssociations");
}
