terraform {
  required_version = ">= 1.11.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # The bootstrap creates the remote-state bucket, so it cannot keep its own state there on the first
  # apply. It starts with local state; docs/cloud-flow.md shows how to migrate it into the bucket after.
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}
