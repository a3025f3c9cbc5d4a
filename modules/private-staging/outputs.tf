output "ec2_endpoint_id" {
  description = "ID of the EC2 interface endpoint."
  value       = aws_vpc_endpoint.ec2.id
}

output "s3_gateway_endpoint_id" {
  description = "ID of the S3 gateway endpoint."
  value       = aws_vpc_endpoint.s3_gateway.id
}

output "s3_prefix_list_id" {
  description = "Prefix list of the S3 gateway endpoint, for security group rules that allow S3."
  value       = aws_vpc_endpoint.s3_gateway.prefix_list_id
}
