output "ec2_endpoint_id" {
  description = "ID of the EC2 interface endpoint."
  value       = aws_vpc_endpoint.ec2.id
}

output "s3_gateway_endpoint_id" {
  description = "ID of the S3 gateway endpoint."
  value       = aws_vpc_endpoint.s3_gateway.id
}
