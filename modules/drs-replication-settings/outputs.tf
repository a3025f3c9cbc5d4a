output "id" {
  description = "ID of the replication configuration template."
  value       = aws_drs_replication_configuration_template.this.id
}

output "arn" {
  description = "ARN of the replication configuration template."
  value       = aws_drs_replication_configuration_template.this.arn
}
