variable "name" {
  description = "Prefix for Name tags and the security group name."
  type        = string
}

variable "vpc_id" {
  description = "ID of the target VPC where DRS launches the recovery instances."
  type        = string
}

variable "failback_client_cidrs" {
  description = "CIDRs where the DRS Failback Client boots on-premises; each may connect to the recovery instances on TCP 1500."
  type        = list(string)

  validation {
    condition     = length(var.failback_client_cidrs) > 0 && alltrue([for c in var.failback_client_cidrs : try(cidrsubnet(c, 0, 0) == c && can(cidrnetmask(c)), false)])
    error_message = "failback_client_cidrs must hold at least one IPv4 CIDR written with its network address, such as 192.168.50.0/24."
  }
}

variable "endpoint_security_group_id" {
  description = "Security group of the DRS and S3 interface endpoints (output security_group_id of drs-endpoints) when they are in this VPC; the recovery instances may reach it on TCP 443."
  type        = string
  default     = null

  validation {
    condition     = var.endpoint_security_group_id == null || startswith(coalesce(var.endpoint_security_group_id, "sg-"), "sg-")
    error_message = "endpoint_security_group_id must be a security group ID (sg-...)."
  }
}

variable "endpoints_in_this_vpc" {
  description = "Whether the DRS and S3 interface endpoints are in this VPC: then the recovery instances reach endpoint_security_group_id on TCP 443. A flag of its own because that ID is unknown until apply, and the rule count must be known at plan."
  type        = bool
  default     = false
}

variable "endpoint_cidrs" {
  description = "CIDRs of the VPC that hosts the endpoints when it is not this VPC: a security group reference matches only this VPC and same-Region peers."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.endpoint_cidrs : try(cidrsubnet(c, 0, 0) == c, false)])
    error_message = "endpoint_cidrs must hold IPv4 CIDRs written with their network address."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
