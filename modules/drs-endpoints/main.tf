resource "aws_security_group" "this" {
  name        = "${var.name}-vpce"
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
