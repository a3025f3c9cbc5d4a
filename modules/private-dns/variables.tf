variable "zone_name" {
  description = "Service DNS name the zone answers for, e.g. s3.ap-northeast-3.amazonaws.com."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC the zone is first associated with; a private zone needs one at creation."
  type        = string
}

variable "vpc_region" {
  description = "Region of vpc_id."
  type        = string
}

variable "alias_dns_name" {
  description = "Regional DNS name of the interface endpoint that the records alias."
  type        = string
}

variable "alias_hosted_zone_id" {
  description = "Hosted zone ID of alias_dns_name."
  type        = string
}

variable "include_wildcard" {
  description = "Also alias every name below the zone (*.zone_name); S3 needs it for bucket names."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to the zone."
  type        = map(string)
  default     = {}
}
