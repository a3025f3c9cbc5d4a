output "peering_connection_id" {
  description = "ID of the VPC peering connection, for the accepter's root to accept."
  value       = aws_vpc_peering_connection.this.id
}
