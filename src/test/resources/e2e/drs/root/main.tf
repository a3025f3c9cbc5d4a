# DrsStandInIT's root: one replication configuration template in each of two regions of one account,
# written as the provider's documentation writes it, so the real provider makes its real calls
# (create, read, update, tag, delete) against the DRS stand-in on moto's port.

resource "aws_drs_replication_configuration_template" "osaka" {
  provider = aws.ap_northeast_3

  staging_area_subnet_id                  = var.osaka_subnet_id
  replication_servers_security_groups_ids = [var.osaka_security_group_id]
  replication_server_instance_type        = "t3.small"
  bandwidth_throttling                    = var.bandwidth_throttling
  staging_area_tags                       = { Name = "drs-standin-staging" }
  ebs_encryption                          = "DEFAULT"
  associate_default_security_group        = false
  create_public_ip                        = false
  data_plane_routing                      = "PRIVATE_IP"
  default_large_staging_disk_type         = "GP3"
  use_dedicated_replication_server        = false

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
    retention_duration = 7
    units              = "DAY"
  }

  tags = var.tags
}

resource "aws_drs_replication_configuration_template" "singapore" {
  provider = aws.ap_southeast_1

  staging_area_subnet_id                  = var.singapore_subnet_id
  replication_servers_security_groups_ids = [var.singapore_security_group_id]
  replication_server_instance_type        = "t3.small"
  bandwidth_throttling                    = 0
  staging_area_tags                       = { Name = "drs-standin-staging" }
  ebs_encryption                          = "DEFAULT"
  associate_default_security_group        = false
  create_public_ip                        = false
  data_plane_routing                      = "PRIVATE_IP"
  default_large_staging_disk_type         = "GP3"
  use_dedicated_replication_server        = false

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
    retention_duration = 14
    units              = "DAY"
  }
}

output "osaka_id" {
  value = aws_drs_replication_configuration_template.osaka.id
}

output "osaka_arn" {
  value = aws_drs_replication_configuration_template.osaka.arn
}
