# Recovery instances during failback to on-premises with the DRS Failback Client: "TCP Port 1500 inbound
# and TCP Port 443 outbound must be open on the recovery instance"
# (https://docs.aws.amazon.com/drs/latest/userguide/failback-performing-on-prem.html).

locals {
  # AWS refuses a security group name that begins with "sg-", and a topology name may ("sg-to-sydney"),
  # so the group name opens with a fixed word. The Name tag has no such rule and keeps the house form.
  group_name = "drslink-${var.name}-recovery-failback"
}

resource "aws_security_group" "this" {
  # checkov:skip=CKV2_AWS_5:DRS, not Terraform, launches the recovery instances; the group reaches them through the recovered servers' launch settings (EC2 launch template DRS uses), which are not in this root
  name        = local.group_name
  description = "DRS recovery instances: failback data on TCP 1500 from the Failback Client, HTTPS out to the DRS and S3 endpoints"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-recovery-failback" })
}

# The Failback Client opens the connection ("must be able to communicate with the Recovery instance on
# TCP 1500"), and security groups are stateful, so the replicated data flows back without an egress rule.
resource "aws_vpc_security_group_ingress_rule" "failback" {
  for_each = toset(var.failback_client_cidrs)

  security_group_id = aws_security_group.this.id
  description       = "DRS failback data from the Failback Client in ${each.value}"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 1500
  to_port           = 1500

  tags = merge(var.tags, { Name = "${var.name}-recovery-failback-1500" })
}

# Terraform removes the allow-all egress rule AWS adds to a new security group, so 443 out is explicit.
# One rule reaches both services: drslink puts the DRS and the S3 interface endpoints behind the same
# security group, and the target VPC resolves drs.<region>.amazonaws.com and s3.<region>.amazonaws.com
# (with its bucket names) to them through drslink's private zones. S3 needs no rule of its own: traffic
# to the S3 gateway endpoint's prefix list would, but no S3 name resolves to public S3 addresses there.
# A security group reference matches only network interfaces in this VPC or in a VPC peered with it in
# the same Region: endpoints reached any other way need a CIDR rule instead.
# Exactly one of the two forms: the reference when the endpoints are in this VPC (no endpoint_cidrs), the
# CIDRs otherwise. The count depends on the CIDRs, which are known at plan; the group id is not.
resource "aws_vpc_security_group_egress_rule" "https" {
  count = length(var.endpoint_cidrs) == 0 ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "HTTPS to the DRS and S3 interface endpoints"
  referenced_security_group_id = var.endpoint_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443

  tags = merge(var.tags, { Name = "${var.name}-recovery-failback-https" })
}

resource "aws_vpc_security_group_egress_rule" "https_to_endpoint_vpc" {
  for_each = toset(var.endpoint_cidrs)

  security_group_id = aws_security_group.this.id
  description       = "HTTPS to the DRS and S3 interface endpoints in ${each.value}"
  cidr_ipv4         = each.value
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443

  tags = merge(var.tags, { Name = "${var.name}-recovery-failback-https" })
}
