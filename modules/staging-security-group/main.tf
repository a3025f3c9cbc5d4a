# AWS refuses a group name that begins with "sg-" (EC2 CreateSecurityGroup, GroupName; the provider checks
# it in internal/service/ec2/vpc_security_group.go), and a topology may be named so ("sg-to-sydney"). Such
# names get a leading "drslink-"; every other name stays as it was, so no deployed group is replaced.
locals {
  group_name = startswith(var.name, "sg-") ? "drslink-${var.name}-replication" : "${var.name}-replication"
}

resource "aws_security_group" "this" {
  # checkov:skip=CKV2_AWS_5:DRS, not Terraform, launches the replication servers; the group reaches them through the DRS replication template's replication_servers_security_groups_ids (module drs-replication-settings, or DRS settings made outside this root), which CKV2_AWS_5 does not follow
  name        = local.group_name
  description = "DRS replication servers: replicated data in on TCP 1500, HTTPS out to DRS, S3 and EC2"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-replication" })
}

resource "aws_vpc_security_group_ingress_rule" "replication" {
  for_each = toset(var.replication_ingress_cidrs)

  security_group_id = aws_security_group.this.id
  description       = "DRS replicated data from ${each.value}"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 1500
  to_port           = 1500

  tags = merge(var.tags, { Name = "${var.name}-replication-1500" })
}

# Terraform removes the allow-all egress rule AWS adds to a new security group, and replication servers
# must reach DRS, S3 and EC2 on 443. With an internet path those answer on public ranges that are not
# known here (the regional EC2 API among them), so the rule is open; DNS to the VPC resolver is not
# filtered by security groups.
# trivy:ignore:AWS-0104 the staging subnet must reach DRS, S3 and EC2 on 443 (docs.aws.amazon.com/drs/latest/userguide/Network-Requirements.html); without endpoints they answer on public ranges. staging_private: true narrows this to the endpoints
resource "aws_vpc_security_group_egress_rule" "https" {
  count = var.private_https_egress ? 0 : 1

  security_group_id = aws_security_group.this.id
  description       = "HTTPS to DRS, S3 and EC2 (public service ranges: the staging subnet has an internet path)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-replication-https" })
}

moved {
  from = aws_vpc_security_group_egress_rule.https
  to   = aws_vpc_security_group_egress_rule.https[0]
}

# staging_private: the subnet has no internet path, and DRS, S3 and EC2 are reached through the interface
# endpoints (one security group for all three, in this VPC) and the S3 gateway endpoint (its prefix list).
# Nothing else on 443 is needed, so nothing else is allowed.
resource "aws_vpc_security_group_egress_rule" "https_to_endpoints" {
  count = var.private_https_egress ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "HTTPS to the DRS, S3 and EC2 interface endpoints"
  referenced_security_group_id = var.endpoint_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443

  tags = merge(var.tags, { Name = "${var.name}-replication-https-endpoints" })
}

resource "aws_vpc_security_group_egress_rule" "https_to_s3_gateway" {
  count = var.private_https_egress ? 1 : 0

  security_group_id = aws_security_group.this.id
  description       = "HTTPS to S3 through the gateway endpoint"
  prefix_list_id    = var.s3_prefix_list_id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-replication-https-s3" })
}

# An EC2 interface endpoint that existed before drslink (existing_staging_endpoints) sits behind its owner's
# security group, which this rule cannot name in advance: HTTPS to the VPC's own CIDRs reaches it and still
# nothing outside the VPC.
resource "aws_vpc_security_group_egress_rule" "https_to_vpc" {
  for_each = toset(var.private_https_egress ? var.vpc_https_cidrs : [])

  security_group_id = aws_security_group.this.id
  description       = "HTTPS to an existing EC2 interface endpoint in this VPC (${each.value})"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-replication-https-vpc" })
}
