variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "peering_connection_id" {
  description = "ID of the VPC peering connection another account or region requested (modules/vpc-peering-requester)."
  type        = string
}

variable "accepter_route_table_ids" {
  description = "Accepter route tables (in this provider's region and account) that get a route to each requester CIDR."
  type        = list(string)
  default     = []
}

variable "requester_cidrs" {
  description = "CIDRs of the requester VPC, routed from the accepter route tables."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to the peering connection."
  type        = map(string)
  default     = {}
}
