# Replication servers call the EC2 API of their own region (AWS lists it as a staging-subnet requirement).
# Private DNS can stay on here: drslink creates no private zone for ec2.<region>.amazonaws.com, so the
# AWS-managed zone does not collide with anything. AWS refuses a second interface endpoint with private DNS
# for the same service in a VPC ("conflicting DNS domain", hashicorp/terraform-provider-aws#17535), so a VPC
# that already has one names it in existing_ec2_endpoint_id and none is created here.
resource "aws_vpc_endpoint" "ec2" {
  count = var.existing_ec2_endpoint_id == null ? 1 : 0

  vpc_id              = var.vpc_id
  service_name        = var.ec2_service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
  subnet_ids          = var.subnet_ids
  security_group_ids  = var.security_group_ids

  tags = merge(var.tags, { Name = "${var.name}-ec2-vpce" })
}

moved {
  from = aws_vpc_endpoint.ec2
  to   = aws_vpc_endpoint.ec2[0]
}

# The reused endpoint is read, not managed: destroy leaves it. The plan fails here, before anything changes,
# when the id names an endpoint of another VPC or service, or one without private DNS (then ec2.<region>
# names would not resolve to it).
data "aws_vpc_endpoint" "ec2" {
  count = var.existing_ec2_endpoint_id == null ? 0 : 1

  id = var.existing_ec2_endpoint_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.vpc_id && self.service_name == var.ec2_service_name && self.vpc_endpoint_type == "Interface" && self.private_dns_enabled
      error_message = "existing_staging_endpoints.ec2 must be an interface endpoint for ${var.ec2_service_name} with private DNS in ${var.vpc_id}."
    }
  }
}

# AWS asks for an S3 gateway endpoint in a fully private staging area. Once drslink's
# s3.<region>.amazonaws.com zone is associated with this VPC, S3 names resolve to the interface endpoint's
# private addresses, which the gateway's prefix-list route never matches (drslink domain.md, section 2).
# The gateway then carries little traffic, but it is free and keeps the layout AWS documents. A route table
# routes to the S3 prefix list through one gateway endpoint only
# (https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html), so an existing one is reused.
resource "aws_vpc_endpoint" "s3_gateway" {
  count = var.existing_s3_gateway_endpoint_id == null ? 1 : 0

  vpc_id            = var.vpc_id
  service_name      = var.s3_service_name
  vpc_endpoint_type = "Gateway"
  route_table_ids   = var.route_table_ids

  tags = merge(var.tags, { Name = "${var.name}-s3-gateway-vpce" })
}

moved {
  from = aws_vpc_endpoint.s3_gateway
  to   = aws_vpc_endpoint.s3_gateway[0]
}

# The reused gateway must already route every staging route table to S3.
data "aws_vpc_endpoint" "s3_gateway" {
  count = var.existing_s3_gateway_endpoint_id == null ? 0 : 1

  id = var.existing_s3_gateway_endpoint_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.vpc_id && self.service_name == var.s3_service_name && self.vpc_endpoint_type == "Gateway" && length(setsubtract(var.route_table_ids, self.route_table_ids)) == 0
      error_message = "existing_staging_endpoints.s3_gateway must be a gateway endpoint for ${var.s3_service_name} in ${var.vpc_id} on every route table of route_table_ids."
    }
  }
}
