output "peering_attachment_id" {
  description = "ID of the transit gateway peering attachment, for the accepter's root to accept."
  value       = aws_ec2_transit_gateway_peering_attachment.this.id
}
