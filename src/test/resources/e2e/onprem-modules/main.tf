# Handwritten root that proves modules/resolver-inbound and modules/recovery-instance-security-group
# against moto: a target VPC with two endpoint subnets in two Availability Zones and the endpoints'
# security group, as drs-endpoints would make it. The name starts with "sg-" on purpose: AWS (and the
# provider's plan-time check) refuse security group names that do, and valid topology names may.

terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.70.0"
    }
  }
}

provider "aws" {
  region = "ap-northeast-3"
}

locals {
  name = "sg-to-sydney-dr"
  tags = { Project = "drslink-e2e" }
}

resource "aws_vpc" "dr" {
  cidr_block = "10.20.0.0/16"

  tags = merge(local.tags, { Name = "${local.name}-vpc" })
}

resource "aws_subnet" "endpoints" {
  for_each = {
    a = { az = "ap-northeast-3a", cidr = "10.20.1.0/24" }
    b = { az = "ap-northeast-3b", cidr = "10.20.2.0/24" }
  }

  vpc_id            = aws_vpc.dr.id
  availability_zone = each.value.az
  cidr_block        = each.value.cidr

  tags = merge(local.tags, { Name = "${local.name}-endpoints-${each.key}" })
}

resource "aws_security_group" "endpoints" {
  name        = "drslink-${local.name}-vpce"
  description = "Stands in for the drs-endpoints security group"
  vpc_id      = aws_vpc.dr.id

  tags = merge(local.tags, { Name = "${local.name}-vpce" })
}

module "resolver_inbound" {
  source = "../../../../../modules/resolver-inbound"

  name              = local.name
  vpc_id            = aws_vpc.dr.id
  subnet_ids        = [for k in sort(keys(aws_subnet.endpoints)) : aws_subnet.endpoints[k].id]
  dns_ingress_cidrs = ["192.168.0.0/16", "172.16.8.0/24"]
  tags              = local.tags
}

module "recovery_instance_security_group" {
  source = "../../../../../modules/recovery-instance-security-group"

  name                       = local.name
  vpc_id                     = aws_vpc.dr.id
  failback_client_cidrs      = ["192.168.50.0/24"]
  endpoints_in_this_vpc      = true
  endpoint_security_group_id = aws_security_group.endpoints.id
  tags                       = local.tags
}

output "resolver_endpoint_id" {
  description = "ID of the inbound endpoint."
  value       = module.resolver_inbound.endpoint_id
}

output "resolver_ip_addresses" {
  description = "Addresses of the inbound endpoint."
  value       = module.resolver_inbound.ip_addresses
}

output "resolver_security_group_id" {
  description = "Security group of the inbound endpoint."
  value       = module.resolver_inbound.security_group_id
}

output "recovery_security_group_id" {
  description = "Security group of the recovery instances."
  value       = module.recovery_instance_security_group.security_group_id
}
