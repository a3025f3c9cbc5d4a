variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC that holds the staging subnet."
  type        = string
}

variable "subnet_ids" {
  description = "Subnets for the EC2 endpoint network interfaces."
  type        = list(string)
}

variable "security_group_ids" {
  description = "Security groups of the EC2 endpoint; they must allow TCP 443 from the staging subnet."
  type        = list(string)
}

variable "ec2_service_name" {
  description = "Endpoint service name of EC2, e.g. com.amazonaws.ap-northeast-3.ec2."
  type        = string
}

variable "s3_service_name" {
  description = "Endpoint service name of S3 for the gateway endpoint, e.g. com.amazonaws.ap-northeast-3.s3."
  type        = string
}

variable "route_table_ids" {
  description = "Route tables of the staging subnet; each gets the S3 gateway endpoint's prefix list route."
  type        = list(string)
}

variable "existing_ec2_endpoint_id" {
  description = "An EC2 interface endpoint with private DNS that already exists in the VPC; null: one is created."
  type        = string
  default     = null
}

variable "existing_s3_gateway_endpoint_id" {
  description = "An S3 gateway endpoint that already exists on route_table_ids; null: one is created."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
