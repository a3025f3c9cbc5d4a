output "association_ids" {
  description = "IDs of the zone associations, keyed like zone_ids."
  value       = { for k, v in aws_route53_zone_association.this : k => v.id }
}
