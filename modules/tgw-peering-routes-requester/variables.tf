variable "peering_attachment_id" {
  description = "ID of the accepted transit gateway peering attachment between the two transit gateways (output of the root that accepted it)."
  type        = string
}

variable "transit_gateway_id" {
  description = "ID of the requester's transit gateway, which vpc_id is attached to (in this provider's region and account)."
  type        = string
}

variable "transit_gateway_route_table_id" {
  description = "The requester's TGW route table that gets static routes to transit_gateway_route_cidrs."
  type        = string
}

variable "transit_gateway_route_cidrs" {
  description = "The accepter's CIDRs that get a static route over the peering in transit_gateway_route_table_id; leave out those already routed there."
  type        = list(string)
  default     = []
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
