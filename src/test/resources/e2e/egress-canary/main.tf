# Negative control for the egress guard: this provider has NO test override, so the data source's
# DescribeVpcs call heads for the real EC2 endpoint. The harness's proxy variables must make it
# fail on 127.0.0.1 before anything leaves the machine.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region                      = "ap-northeast-1"
  access_key                  = "canary"
  secret_key                  = "canary"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = true
  max_retries                 = 1
}

data "aws_vpcs" "any" {}

output "vpc_ids" {
  value = data.aws_vpcs.any.ids
}
