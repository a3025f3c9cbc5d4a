variable "name" {
  description = "Prefix for Name tags, the endpoint name and the security group name; letters, digits, spaces, '-' and '_' only."
  type        = string

  # The characters both names allow: Route 53 Resolver endpoint names take [0-9A-Za-z_' -], VPC security
  # group names no "'". drslink's topology and VPC names always qualify.
  validation {
    condition     = can(regex("^[0-9A-Za-z_ -]+$", var.name))
    error_message = "name may hold only letters, digits, spaces, '-' and '_': it becomes part of the endpoint and security group names."
  }
}

variable "vpc_id" {
  description = "ID of the VPC that gets the endpoint: the one whose private hosted zones on-premises servers must resolve."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets for the endpoint's network interfaces, one IP address each; at least two, ideally in two Availability Zones."
  type        = list(string)

  # Route 53 Resolver needs at least two IP addresses per endpoint, and this module asks for one per
  # subnet. A repeated subnet would give two equal ip_address blocks, which the provider's set merges
  # into one.
  validation {
    condition     = length(var.subnet_ids) >= 2 && length(distinct(var.subnet_ids)) == length(var.subnet_ids)
    error_message = "subnet_ids must name at least two distinct subnets: a Route 53 Resolver endpoint needs at least two IP addresses."
  }
}

variable "dns_ingress_cidrs" {
  description = "CIDRs of the on-premises DNS servers that forward to the endpoint; each may connect on TCP and UDP 53."
  type        = list(string)

  validation {
    condition     = length(var.dns_ingress_cidrs) > 0 && alltrue([for c in var.dns_ingress_cidrs : try(cidrsubnet(c, 0, 0) == c && can(cidrnetmask(c)), false)])
    error_message = "dns_ingress_cidrs must hold at least one IPv4 CIDR written with its network address, such as 192.168.0.0/16."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
