variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC that gets the endpoints."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets for the endpoint network interfaces, one per Availability Zone."
  type        = list(string)
}

variable "drs_service_name" {
  description = "Endpoint service name of DRS, e.g. com.amazonaws.ap-northeast-3.drs."
  type        = string
}

variable "s3_service_name" {
  description = "Endpoint service name of S3, e.g. com.amazonaws.ap-northeast-3.s3."
  type        = string
}

variable "https_ingress_cidrs" {
  description = "CIDRs allowed to reach the endpoints on TCP 443: every source VPC and the endpoint VPC itself."
  type        = list(string)
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
