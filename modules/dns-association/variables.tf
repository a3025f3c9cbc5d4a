variable "zone_ids" {
  description = "Private hosted zones to associate, keyed by zone name (keys must be known at plan time)."
  type        = map(string)
}

variable "vpc_id" {
  description = "ID of the VPC to associate with every zone."
  type        = string
}

variable "vpc_region" {
  description = "Region of vpc_id."
  type        = string
}

variable "cross_account" {
  description = "Whether the zones and the VPC belong to different accounts; then the zone owner first authorizes the VPC."
  type        = bool
  default     = false
}
