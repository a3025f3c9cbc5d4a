output "security_group_id" {
  description = "ID of the recovery instances' security group, for the launch settings of the recovered servers."
  value       = aws_security_group.this.id
}
