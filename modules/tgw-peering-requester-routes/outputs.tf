output "peering_attachment_id" {
  description = "ID of the transit gateway peering attachment the routes use (the input)."
  value       = var.peering_attachment_id
}
