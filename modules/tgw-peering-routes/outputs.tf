output "vpc_route_ids" {
  description = "IDs of the VPC routes through the transit gateways, keyed \"route table|destination CIDR\" (both sides)."
  value = merge(
    { for k, r in aws_route.requester_to_accepter : k => r.id },
    { for k, r in aws_route.accepter_to_requester : k => r.id },
  )
}
