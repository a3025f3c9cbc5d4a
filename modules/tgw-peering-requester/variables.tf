variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "requester_transit_gateway_id" {
  description = "ID of the transit gateway that requests the peering (in this provider's region and account)."
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

variable "requester_vpc_route_table_ids" {
  description = "Requester VPC route tables that get a route to each accepter CIDR through the transit gateway."
  type        = list(string)
  default     = []
}

variable "accepter_transit_gateway_id" {
  description = "ID of the transit gateway that accepts the peering."
  type        = string
}

variable "accepter_cidrs" {
  description = "CIDRs of the accepter VPC, routed from the requester VPC route tables."
  type        = list(string)
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

variable "tags" {
  description = "Tags added to the peering attachment."
  type        = map(string)
  default     = {}
}
