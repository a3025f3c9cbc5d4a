variable "transit_gateway_id" {
  description = "ID of the requester's transit gateway, which vpc_id is attached to (in this provider's region and account)."
  type        = string
}

variable "vpc_attachment_id" {
  description = "ID of the attachment of vpc_id to transit_gateway_id."
  type        = string
}

variable "vpc_id" {
  description = "ID of the requester's VPC."
  type        = string
}

variable "vpc_route_table_ids" {
  description = "Route tables of vpc_id that get a route to each of peer_cidrs through the transit gateway."
  type        = list(string)
  default     = []
}

variable "peer_cidrs" {
  description = "CIDRs of the accepter's VPC, routed from vpc_route_table_ids."
  type        = list(string)
}
