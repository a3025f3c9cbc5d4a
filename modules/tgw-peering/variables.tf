variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

################################################################################
# Requester side (aws.requester)
################################################################################

variable "requester_transit_gateway_id" {
  description = "ID of the transit gateway that requests the peering."
  type        = string
}

variable "requester_transit_gateway_route_table_id" {
  description = "Requester TGW route table that gets static routes to the accepter CIDRs."
  type        = string
}

variable "requester_vpc_attachment_id" {
  description = "ID of the attachment of requester_vpc_id to the requester transit gateway."
  type        = string
}

variable "requester_vpc_id" {
  description = "ID of the VPC attached to the requester transit gateway."
  type        = string
}

variable "requester_cidrs" {
  description = "CIDRs of the requester VPC, routed from the accepter side."
  type        = list(string)
}

variable "requester_vpc_route_table_ids" {
  description = "Requester VPC route tables that get a route to each accepter CIDR through the transit gateway."
  type        = list(string)
  default     = []
}

variable "requester_associate_peering_attachment" {
  description = "Associate the peering attachment with requester_transit_gateway_route_table_id (skipped when that is the TGW's default association route table and default association is on)."
  type        = bool
  default     = false
}

################################################################################
# Accepter side (aws.accepter)
################################################################################

variable "accepter_transit_gateway_id" {
  description = "ID of the transit gateway that accepts the peering."
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

variable "accepter_cidrs" {
  description = "CIDRs of the accepter VPC, routed from the requester side."
  type        = list(string)
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

variable "accepter_region" {
  description = "Region of the accepter transit gateway."
  type        = string
}

variable "accepter_account_id" {
  description = "Account ID of the accepter transit gateway; null when both are in the same account."
  type        = string
  default     = null
}

################################################################################
# Common
################################################################################

variable "tags" {
  description = "Tags added to the peering attachment."
  type        = map(string)
  default     = {}
}
