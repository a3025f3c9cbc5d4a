output "peering_connection_id" {
  description = "ID of the VPC peering connection, known once this root has accepted it."
  value       = aws_vpc_peering_connection_accepter.this.vpc_peering_connection_id
}
