# AWS refuses a group name that begins with "sg-" (EC2 CreateSecurityGroup, GroupName; the provider checks
# it in internal/service/ec2/vpc_security_group.go), and a topology may be named so ("sg-to-sydney"). Such
# names get a leading "drslink-"; every other name stays as it was, so no deployed group is replaced.
locals {
  group_name = startswith(var.name, "sg-") ? "drslink-${var.name}-vpce" : "${var.name}-vpce"
}

resource "aws_security_group" "this" {
  name        = local.group_name
  description = "HTTPS from DRS source servers and replication servers to the DRS and S3 interface endpoints"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-vpce" })
}

# No egress rules: an interface endpoint only answers connections, and security groups are stateful.
resource "aws_vpc_security_group_ingress_rule" "https" {
  for_each = toset(var.https_ingress_cidrs)

  security_group_id = aws_security_group.this.id
  description       = "HTTPS to the DRS and S3 endpoints from ${each.value}"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-vpce-https" })
}

# Private DNS stays off on both endpoints: the AWS-managed private zone only answers inside this VPC, so
# source VPCs in other regions could not use it. drslink's own private hosted zones (modules/private-dns)
# alias the service names to these endpoints and are associated with every VPC that needs them.
resource "aws_vpc_endpoint" "drs" {
  vpc_id              = var.vpc_id
  service_name        = var.drs_service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.this.id]

  tags = merge(var.tags, { Name = "${var.name}-drs-vpce" })
}

resource "aws_vpc_endpoint" "s3" {
  vpc_id              = var.vpc_id
  service_name        = var.s3_service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = false
  subnet_ids          = var.subnet_ids
  security_group_ids  = [aws_security_group.this.id]

  tags = merge(var.tags, { Name = "${var.name}-s3-vpce" })
}

# An interface endpoint without private DNS lists its regional DNS entry first, then one per Availability
# Zone ("vpce-<id>-<suffix>-<az>...", DescribeVpcEndpoints; the CDK's InterfaceVpcEndpointTarget relies on
# that order). The regional entry is chosen by its form as well, so a different order cannot make a zone
# alias a single Availability Zone: its first label is "vpce-<id>-<suffix>" with nothing after the suffix.
# Position 0 stays the fallback for a name of another form.
locals {
  regional_entry_pattern = "^(\\*\\.)?vpce-[0-9a-z]+-[0-9a-z]+\\."

  drs_regional_entry = try(
    [for e in aws_vpc_endpoint.drs.dns_entry : e if can(regex(local.regional_entry_pattern, e.dns_name))][0],
    aws_vpc_endpoint.drs.dns_entry[0],
  )
  s3_regional_entry = try(
    [for e in aws_vpc_endpoint.s3.dns_entry : e if can(regex(local.regional_entry_pattern, e.dns_name))][0],
    aws_vpc_endpoint.s3.dns_entry[0],
  )
}
