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
  description = "Requester TGW route table: associated with the peering, and given a static route to each of requester_route_cidrs."
  type        = string
}

variable "requester_route_cidrs" {
  description = "CIDRs on the accepter side that the requester TGW route table routes over the peering (those of every linked VPC)."
  type        = list(string)
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
  description = "Accepter TGW route table: associated with the peering, and given a static route to each of accepter_route_cidrs."
  type        = string
}

variable "accepter_route_cidrs" {
  description = "CIDRs on the requester side that the accepter TGW route table routes over the peering (those of every linked VPC)."
  type        = list(string)
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
