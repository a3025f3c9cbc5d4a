# AWS refuses a group name that begins with "sg-" (EC2 CreateSecurityGroup, GroupName; the provider checks
# it in internal/service/ec2/vpc_security_group.go), and a topology may be named so ("sg-to-sydney"). Such
# names get a leading "drslink-"; every other name stays as it was, so no deployed group is replaced.
locals {
  group_name = startswith(var.name, "sg-") ? "drslink-${var.name}-replication" : "${var.name}-replication"
}

resource "aws_security_group" "this" {
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
# must reach DRS, S3 and EC2 on 443. The destination stays 0.0.0.0/0 because those services answer on
# endpoint addresses or public ranges that are not known here; DNS to the VPC resolver is not filtered
# by security groups.
resource "aws_vpc_security_group_egress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS to DRS, S3 and EC2"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-replication-https" })
}
