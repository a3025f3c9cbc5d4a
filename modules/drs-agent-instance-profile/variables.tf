variable "name" {
  description = "Name of the IAM role and of its instance profile."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9+=,.@_-]{1,64}$", var.name))
    error_message = "name must be a valid IAM role name: 1 to 64 of A-Z a-z 0-9 + = , . @ _ -."
  }
}

variable "partition" {
  description = "The account's ARN partition: aws or aws-us-gov."
  type        = string

  validation {
    condition     = contains(["aws", "aws-us-gov"], var.partition)
    error_message = "partition must be aws or aws-us-gov."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
