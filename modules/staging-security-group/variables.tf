variable "name" {
  description = "Prefix for Name tags."
  type        = string
}

variable "vpc_id" {
  description = "ID of the VPC that holds the staging subnet."
  type        = string
}

variable "replication_ingress_cidrs" {
  description = "CIDRs of the servers that replicate into this staging area; each may connect on TCP 1500."
  type        = list(string)
}

variable "private_https_egress" {
  description = "The staging subnet has no internet path (staging_private): allow HTTPS only to the endpoints below instead of anywhere."
  type        = bool
  default     = false
}

variable "endpoint_security_group_id" {
  description = "With private_https_egress: security group of the DRS, S3 and EC2 interface endpoints in this VPC."
  type        = string
  default     = null
}

variable "s3_prefix_list_id" {
  description = "With private_https_egress: prefix list of the S3 gateway endpoint on the staging route tables."
  type        = string
  default     = null
}

variable "vpc_https_cidrs" {
  description = "With private_https_egress: this VPC's CIDRs, when an existing EC2 interface endpoint (another security group) serves the staging subnet."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
