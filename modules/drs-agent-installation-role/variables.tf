variable "name" {
  description = "Name of the IAM role."
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

variable "trusted_account_ids" {
  description = "12-digit ids of the accounts whose principals may assume the role (the source accounts)."
  type        = list(string)

  validation {
    condition     = length(var.trusted_account_ids) > 0 && alltrue([for id in var.trusted_account_ids : can(regex("^[0-9]{12}$", id))])
    error_message = "trusted_account_ids must hold at least one 12-digit account id."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
