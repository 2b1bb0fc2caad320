# The database backup bucket and the role of the backup CronJob (backups.tf), on a mocked provider.

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"
}

# The mock knows no bucket ARN before apply; S3 ARNs are the bucket name's.
override_resource {
  target          = aws_s3_bucket.backups
  override_during = plan
  values = {
    arn = "arn:aws:s3:::proyecto06-backups-123456789012-us-east-1"
  }
}

variables {
  vpc_id                       = "vpc-0123456789abcdef0"
  subnet_ids                   = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  cluster_admin_arns           = ["arn:aws:iam::123456789012:role/proyecto06-ci-deploy"]
  endpoint_public_access_cidrs = ["203.0.113.0/24"]
}

run "bucket_is_private_versioned_encrypted_and_expires" {
  command = plan

  assert {
    condition     = aws_s3_bucket.backups.bucket == "proyecto06-backups-123456789012-us-east-1"
    error_message = "One bucket per cluster, account and region."
  }
  assert {
    condition     = aws_s3_bucket_versioning.backups.versioning_configuration[0].status == "Enabled"
    error_message = "Versioning keeps overwritten and deleted dumps."
  }
  assert {
    condition = alltrue([for r in aws_s3_bucket_server_side_encryption_configuration.backups.rule :
    one(r.apply_server_side_encryption_by_default).sse_algorithm == "aws:kms" && one(r.apply_server_side_encryption_by_default).kms_master_key_id == aws_kms_key.backups.arn])
    error_message = "SSE-KMS with the bucket's own key."
  }
  assert {
    condition     = aws_kms_key.backups.enable_key_rotation
    error_message = "The backup key rotates."
  }
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.backups.block_public_acls,
      aws_s3_bucket_public_access_block.backups.block_public_policy,
      aws_s3_bucket_public_access_block.backups.ignore_public_acls,
      aws_s3_bucket_public_access_block.backups.restrict_public_buckets,
    ])
    error_message = "Public access is blocked in all four ways."
  }
  assert {
    condition = alltrue([for r in aws_s3_bucket_lifecycle_configuration.backups.rule :
    r.status == "Enabled" && r.expiration[0].days == 30 && r.noncurrent_version_expiration[0].noncurrent_days == 30])
    error_message = "Every version expires after 30 days."
  }
}

run "backup_role_writes_only_its_prefix" {
  command = plan

  variables {
    backup_retention_days = 7
  }

  assert {
    condition     = aws_eks_pod_identity_association.backups.namespace == "proyecto06" && aws_eks_pod_identity_association.backups.service_account == "database-backup"
    error_message = "The role is for the CronJob's ServiceAccount (infra/k8s/components/backup)."
  }
  assert {
    condition = alltrue([for s in data.aws_iam_policy_document.backups_writer.statement :
    alltrue([for a in s.actions : contains(["s3:PutObject", "s3:ListBucket", "kms:GenerateDataKey", "kms:Encrypt"], a)])])
    error_message = "Write and list only: no read, no delete."
  }
  assert {
    condition     = one([for s in data.aws_iam_policy_document.backups_writer.statement : s.resources if s.sid == "WriteDumps"]) == toset(["arn:aws:s3:::proyecto06-backups-123456789012-us-east-1/database/*"])
    error_message = "Writes are limited to the database/ prefix."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_lifecycle_configuration.backups.rule : r.expiration[0].days]) == 7
    error_message = "The retention comes from the variable."
  }
}
