################################################################################
# Requester side (aws.requester)
################################################################################

variable "requester_transit_gateway_id" {
  description = "ID of the transit gateway requester_vpc_id is attached to."
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
  description = "CIDRs of the requester VPC, routed from the accepter VPC route tables."
  type        = list(string)
}

variable "requester_vpc_route_table_ids" {
  description = "Requester VPC route tables that get a route to each accepter CIDR through the transit gateway."
  type        = list(string)
  default     = []
}

################################################################################
# Accepter side (aws.accepter)
################################################################################

variable "accepter_transit_gateway_id" {
  description = "ID of the transit gateway accepter_vpc_id is attached to."
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
  description = "CIDRs of the accepter VPC, routed from the requester VPC route tables."
  type        = list(string)
}

variable "accepter_vpc_route_table_ids" {
  description = "Accepter VPC route tables that get a route to each requester CIDR through the transit gateway."
  type        = list(string)
  default     = []
}
