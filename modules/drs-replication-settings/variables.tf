variable "staging_subnet_id" {
  description = "Subnet of the staging area, where DRS launches replication servers."
  type        = string
}

variable "security_group_ids" {
  description = "Security groups of the replication servers (TCP 1500 in, HTTPS out)."
  type        = list(string)
}

variable "replication_server_instance_type" {
  description = "EC2 instance type of the replication servers, e.g. t3.small."
  type        = string
}

variable "ebs_encryption" {
  description = "EBS encryption of the staging disks: DEFAULT (the account's default key) or CUSTOM (ebs_encryption_key_arn)."
  type        = string

  validation {
    condition     = contains(["DEFAULT", "CUSTOM"], var.ebs_encryption)
    error_message = "The ebs_encryption must be DEFAULT or CUSTOM."
  }
}

variable "ebs_encryption_key_arn" {
  description = "ARN of the KMS key for the staging disks; required with CUSTOM, null with DEFAULT."
  type        = string
  default     = null
}

variable "bandwidth_throttling" {
  description = "Limit on the replication data rate of each source server, in Mbps; 0 means unlimited."
  type        = number

  validation {
    condition     = var.bandwidth_throttling >= 0 && floor(var.bandwidth_throttling) == var.bandwidth_throttling
    error_message = "The bandwidth_throttling must be a whole number of Mbps, 0 or more."
  }
}

variable "pit_retention_days" {
  description = "Days to keep the daily point-in-time snapshots (retention of PIT rule 3)."
  type        = number

  validation {
    condition     = var.pit_retention_days >= 1 && floor(var.pit_retention_days) == var.pit_retention_days
    error_message = "The pit_retention_days must be a whole number of days, 1 or more."
  }
}

variable "staging_area_tags" {
  description = "Tags DRS puts on what it creates in the staging area: replication servers, EBS volumes and snapshots."
  type        = map(string)
}

variable "tags" {
  description = "Tags added to the replication configuration template."
  type        = map(string)
  default     = {}
}
