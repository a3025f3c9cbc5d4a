output "security_group_id" {
  description = "ID of the replication servers' security group."
  value       = aws_security_group.this.id
}
