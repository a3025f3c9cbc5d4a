variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "requester_vpc_id" {
  description = "ID of the VPC that requests the peering (in this provider's region and account)."
  type        = string
}

variable "accepter_vpc_id" {
  description = "ID of the VPC that accepts the peering."
  type        = string
}

variable "accepter_region" {
  description = "Region of accepter_vpc_id; may equal the requester's region."
  type        = string
}

variable "accepter_account_id" {
  description = "Account ID of accepter_vpc_id; null when both VPCs are in the same account."
  type        = string
  default     = null
}

variable "requester_route_table_ids" {
  description = "Requester route tables that get a route to each accepter CIDR."
  type        = list(string)
  default     = []
}

variable "accepter_cidrs" {
  description = "CIDRs of the accepter VPC, routed from the requester route tables."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to the peering connection."
  type        = map(string)
  default     = {}
}
