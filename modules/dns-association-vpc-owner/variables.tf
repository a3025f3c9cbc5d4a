variable "zone_ids" {
  description = "Private hosted zones of another account that authorized vpc_id, keyed by zone name (keys must be known at plan time)."
  type        = map(string)
}

variable "vpc_id" {
  description = "ID of the VPC (in this provider's account) to associate with every zone."
  type        = string
}

variable "vpc_region" {
  description = "Region of vpc_id."
  type        = string
}
