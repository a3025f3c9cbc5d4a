output "endpoint_id" {
  description = "ID of the Route 53 Resolver inbound endpoint."
  value       = aws_route53_resolver_endpoint.this.id
}

# Sorted so that the order, and every README or forwarder built from it, does not depend on the
# provider's set order.
output "ip_addresses" {
  description = "IP addresses of the inbound endpoint, sorted: the targets of the on-premises conditional forwarders."
  value       = sort([for a in aws_route53_resolver_endpoint.this.ip_address : a.ip])
}

output "security_group_id" {
  description = "ID of the inbound endpoint's security group."
  value       = aws_security_group.this.id
}
