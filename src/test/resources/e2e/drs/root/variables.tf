variable "osaka_subnet_id" {
  type = string
}

variable "osaka_security_group_id" {
  type = string
}

variable "singapore_subnet_id" {
  type = string
}

variable "singapore_security_group_id" {
  type = string
}

variable "bandwidth_throttling" {
  type    = number
  default = 0
}

variable "tags" {
  type    = map(string)
  default = {}
}
