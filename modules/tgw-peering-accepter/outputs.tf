output "peering_attachment_id" {
  description = "ID of the transit gateway peering attachment, known once this root has accepted it."
  value       = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
}
