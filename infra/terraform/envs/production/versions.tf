terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: bucket, region and dynamodb_table come from backend.hcl (the bootstrap's
  # backend_config output), because the bucket name contains the account id. The lock is taken both in
  # the design's DynamoDB table and with S3's native lock file.
  backend "s3" {
    key          = "proyecto06/eks/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
