variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "peering_attachment_id" {
  description = "ID of the transit gateway peering attachment the requester's root made (modules/tgw-peering-requester)."
  type        = string
}

variable "accepter_transit_gateway_id" {
  description = "ID of the transit gateway that accepts the peering (in this provider's region and account)."
  type        = string
}

variable "accepter_transit_gateway_route_table_id" {
  description = "Accepter TGW route table that gets static routes to the requester CIDRs."
  type        = string
}

variable "accepter_associate_peering_attachment" {
  description = "Associate the peering attachment with accepter_transit_gateway_route_table_id (skipped when that is the TGW's default association route table and default association is on)."
  type        = bool
  default     = false
}

variable "accepter_route_cidrs" {
  description = "CIDRs on the requester side that the accepter TGW route table routes over the peering (those of every linked VPC)."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to the peering attachment accepter."
  type        = map(string)
  default     = {}
}
