output "authorization_ids" {
  description = "IDs of the association authorizations, keyed like zone_ids."
  value       = { for k, v in aws_route53_vpc_association_authorization.this : k => v.id }
}
