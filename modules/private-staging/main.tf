# Replication servers call the EC2 API of their own region (AWS lists it as a staging-subnet requirement).
# Private DNS can stay on here: drslink creates no private zone for ec2.<region>.amazonaws.com, so the
# AWS-managed zone does not collide with anything.
resource "aws_vpc_endpoint" "ec2" {
  vpc_id              = var.vpc_id
  service_name        = var.ec2_service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids

  tags = merge(var.tags, { Name = "${var.name}-ec2-vpce" })
}

# AWS asks for an S3 gateway endpoint in a fully private staging area. Once drslink's
# s3.<region>.amazonaws.com zone is associated with this VPC, S3 names resolve to the interface endpoint's
# private addresses, which the gateway's prefix-list route never matches (drslink domain.md, section 2).
# The gateway then carries little traffic, but it is free and keeps the layout AWS documents.
resource "aws_vpc_endpoint" "s3_gateway" {
  vpc_id            = var.vpc_id
  service_name      = var.s3_service_name
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids

  tags = merge(var.tags, { Name = "${var.name}-s3-gateway-vpce" })
}
