output "role_arn" {
  description = "ARN of the agent installation role, for aws sts assume-role."
  value       = aws_iam_role.this.arn
}
