output "security_group_id" {
  description = "ID of the endpoints' security group."
  value       = aws_security_group.this.id
}

output "drs_endpoint_id" {
  description = "ID of the DRS interface endpoint."
  value       = aws_vpc_endpoint.drs.id
}

output "s3_endpoint_id" {
  description = "ID of the S3 interface endpoint."
  value       = aws_vpc_endpoint.s3.id
}

# dns_entry[0] is the regional name; the others are per Availability Zone.
output "drs_dns_name" {
  description = "Regional DNS name of the DRS endpoint, the alias target for drs.<region>.amazonaws.com."
  value       = try(aws_vpc_endpoint.drs.dns_entry[0].dns_name, null)
}

output "drs_hosted_zone_id" {
  description = "Hosted zone ID of the DRS endpoint's regional DNS name."
  value       = try(aws_vpc_endpoint.drs.dns_entry[0].hosted_zone_id, null)
}

# S3 publishes its regional entry as a wildcard (*.vpce-....s3.<region>.vpce.amazonaws.com); an alias
# target must be the plain name.
output "s3_dns_name" {
  description = "Regional DNS name of the S3 endpoint without the leading \"*.\", the alias target for s3.<region>.amazonaws.com."
  value       = try(trimprefix(aws_vpc_endpoint.s3.dns_entry[0].dns_name, "*."), null)
}

output "s3_hosted_zone_id" {
  description = "Hosted zone ID of the S3 endpoint's regional DNS name."
  value       = try(aws_vpc_endpoint.s3.dns_entry[0].hosted_zone_id, null)
}
