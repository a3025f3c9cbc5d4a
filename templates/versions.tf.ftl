${header}

terraform {
  required_version = ${requiredVersion}

  required_providers {
    aws = {
      source = "hashicorp/aws"
      version = ${awsProviderVersion}
    }
  }
}
