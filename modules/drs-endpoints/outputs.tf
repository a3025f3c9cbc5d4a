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

# The alias targets are the endpoints' regional DNS entries exactly as DescribeVpcEndpoints returns them,
# for S3 with its leading "*.": that is the name AWS's own code aliases service-named zones to (the CDK's
# InterfaceVpcEndpointTarget, aws-samples/aws-secure-environment-accelerator interface-endpoints.ts,
# aws-samples/hub-and-spoke-with-shared-services-vpc-terraform modules/phz; drslink domain.md section 8).
# The bare S3 name without "*." is not a record of its own (a wildcard does not make its parent exist),
# so it is only what the installer's --s3-endpoint takes (s3_installer_endpoint below).
output "drs_dns_name" {
  description = "Regional DNS name of the DRS endpoint, the alias target for drs.<region>.amazonaws.com."
  value       = try(local.drs_regional_entry.dns_name, null)
}

output "drs_hosted_zone_id" {
  description = "Hosted zone ID of the DRS endpoint's regional DNS name."
  value       = try(local.drs_regional_entry.hosted_zone_id, null)
}

output "s3_dns_name" {
  description = "Regional DNS name of the S3 endpoint as AWS returns it (\"*.vpce-...\"), the alias target for s3.<region>.amazonaws.com and its wildcard."
  value       = try(local.s3_regional_entry.dns_name, null)
}

output "s3_hosted_zone_id" {
  description = "Hosted zone ID of the S3 endpoint's regional DNS name."
  value       = try(local.s3_regional_entry.hosted_zone_id, null)
}

output "s3_installer_endpoint" {
  description = "Endpoint-specific DNS name of the S3 endpoint without the leading \"*.\", for the installer's --s3-endpoint on on-premises servers."
  value       = try(trimprefix(local.s3_regional_entry.dns_name, "*."), null)
}
