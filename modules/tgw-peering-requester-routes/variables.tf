variable "peering_attachment_id" {
  description = "ID of the accepted transit gateway peering attachment (output of the accepter's root)."
  type        = string
}

variable "requester_transit_gateway_id" {
  description = "ID of the transit gateway that requested the peering (in this provider's region and account)."
  type        = string
}

variable "requester_transit_gateway_route_table_id" {
  description = "Requester TGW route table that gets static routes to the accepter CIDRs."
  type        = string
}

variable "requester_associate_peering_attachment" {
  description = "Associate the peering attachment with requester_transit_gateway_route_table_id (skipped when that is the TGW's default association route table and default association is on)."
  type        = bool
  default     = false
}

variable "requester_route_cidrs" {
  description = "CIDRs on the accepter side that the requester TGW route table routes over the peering (those of every linked VPC)."
  type        = list(string)
}
