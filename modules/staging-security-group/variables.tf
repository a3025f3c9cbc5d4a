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

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
