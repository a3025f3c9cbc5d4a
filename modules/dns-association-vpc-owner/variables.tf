variable "zone_ids" {
  description = "Private hosted zones to associate (of another account that authorized vpc_id, or of this one), keyed by zone name (keys must be known at plan time)."
  type        = map(string)
}

variable "vpc_id" {
  description = "ID of the VPC to associate with every zone (in this provider's account)."
  type        = string
}

variable "vpc_region" {
  description = "Region of vpc_id."
  type        = string
}
