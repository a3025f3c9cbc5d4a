output "vpc_route_ids" {
  description = "IDs of the VPC routes through the transit gateway, keyed \"route table|destination CIDR\"."
  value       = { for k, r in aws_route.accepter_to_requester : k => r.id }
}
