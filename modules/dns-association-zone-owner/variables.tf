variable "zone_ids" {
  description = "Private hosted zones (in this provider's account) to authorize the VPC for, keyed by zone name (keys must be known at plan time)."
  type        = map(string)
}

variable "vpc_id" {
  description = "ID of the VPC, in another account, that may then associate itself with every zone."
  type        = string
}

variable "vpc_region" {
  description = "Region of vpc_id."
  type        = string
}
