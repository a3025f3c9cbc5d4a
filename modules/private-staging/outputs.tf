output "ec2_endpoint_id" {
  description = "ID of the EC2 interface endpoint (created here, or the existing one)."
  value       = var.existing_ec2_endpoint_id == null ? aws_vpc_endpoint.ec2[0].id : data.aws_vpc_endpoint.ec2[0].id
}

output "s3_gateway_endpoint_id" {
  description = "ID of the S3 gateway endpoint (created here, or the existing one)."
  value       = var.existing_s3_gateway_endpoint_id == null ? aws_vpc_endpoint.s3_gateway[0].id : data.aws_vpc_endpoint.s3_gateway[0].id
}

output "s3_prefix_list_id" {
  description = "Prefix list of the S3 gateway endpoint, for security group rules that allow S3."
  value       = var.existing_s3_gateway_endpoint_id == null ? aws_vpc_endpoint.s3_gateway[0].prefix_list_id : data.aws_vpc_endpoint.s3_gateway[0].prefix_list_id
}
