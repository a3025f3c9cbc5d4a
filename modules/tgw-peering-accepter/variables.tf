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

variable "accepter_vpc_attachment_id" {
  description = "ID of the attachment of accepter_vpc_id to the accepter transit gateway."
  type        = string
}

variable "accepter_vpc_id" {
  description = "ID of the VPC attached to the accepter transit gateway."
  type        = string
}

variable "accepter_vpc_route_table_ids" {
  description = "Accepter VPC route tables that get a route to each requester CIDR through the transit gateway."
  type        = list(string)
  default     = []
}

variable "accepter_associate_peering_attachment" {
  description = "Associate the peering attachment with accepter_transit_gateway_route_table_id (skipped when that is the TGW's default association route table and default association is on)."
  type        = bool
  default     = false
}

variable "requester_cidrs" {
  description = "CIDRs of the requester VPC, routed from the accepter side."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to the peering attachment accepter."
  type        = map(string)
  default     = {}
}
