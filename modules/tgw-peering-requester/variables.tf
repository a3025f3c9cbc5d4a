variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "requester_transit_gateway_id" {
  description = "ID of the transit gateway that requests the peering (in this provider's region and account)."
  type        = string
}

variable "accepter_transit_gateway_id" {
  description = "ID of the transit gateway that accepts the peering."
  type        = string
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
