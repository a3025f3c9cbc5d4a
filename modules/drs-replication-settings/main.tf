resource "aws_drs_replication_configuration_template" "this" {
  staging_area_subnet_id                  = var.staging_subnet_id
  replication_servers_security_groups_ids = var.security_group_ids
  replication_server_instance_type        = var.replication_server_instance_type
  bandwidth_throttling                    = var.bandwidth_throttling
  staging_area_tags                       = var.staging_area_tags
  ebs_encryption                          = var.ebs_encryption

  # The provider docs call this Required, but the provider schema has it Optional and the API needs it
  # only with CUSTOM; null leaves it out of the request.
  ebs_encryption_key_arn = var.ebs_encryption_key_arn

  # Replication data must stay on private addresses: source servers send it to the replication servers'
  # private IPs over the peering or TGW link, and the servers get no public IP to fall back on.
  associate_default_security_group = false
  create_public_ip                 = false
  data_plane_routing               = "PRIVATE_IP"
  default_large_staging_disk_type  = "GP3"
  use_dedicated_replication_server = false

  # AWS accepts only this PIT policy; the one value it lets you change is the retention of rule 3
  # (note in the provider's aws_drs_replication_configuration_template docs; drslink domain.md, section 4).
  pit_policy {
    rule_id            = 1
    enabled            = true
    interval           = 10
    retention_duration = 60
    units              = "MINUTE"
  }

  pit_policy {
    rule_id            = 2
    enabled            = true
    interval           = 1
    retention_duration = 24
    units              = "HOUR"
  }

  pit_policy {
    rule_id            = 3
    enabled            = true
    interval           = 1
    retention_duration = var.pit_retention_days
    units              = "DAY"
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = (var.ebs_encryption == "CUSTOM") == (var.ebs_encryption_key_arn != null)
      error_message = "Set ebs_encryption_key_arn exactly when ebs_encryption is CUSTOM."
    }
  }
}
