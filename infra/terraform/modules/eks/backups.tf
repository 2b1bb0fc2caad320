# Database backups (docs/operations.md): the bucket the backup CronJob (infra/k8s/components/backup)
# uploads its daily pg_dump to, through the Pod Identity role of its ServiceAccount, which may write
# under backup_prefix of this bucket and nothing else.
# Versioned (an overwrite or delete keeps the previous copy), encrypted with a key of its own (SSE-KMS),
# never public, TLS only, and every version expires after backup_retention_days.
# scripts/destroy.sh keeps the bucket and its key (it removes them from the state first) unless run
# with --delete-backups: then force_destroy empties it, every version included.

locals {
  backup_bucket = "${var.cluster_name}-backups-${local.account_id}-${data.aws_region.current.name}"
  backup_identity = {
    namespace       = "proyecto06"
    service_account = "database-backup"
  }
}

resource "aws_kms_key" "backups" {
  description             = "${var.cluster_name} database backups"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "backups" {
  name          = "alias/${var.cluster_name}-backups"
  target_key_id = aws_kms_key.backups.key_id
}

resource "aws_s3_bucket" "backups" {
  bucket        = local.backup_bucket
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "backups" {
  bucket                  = aws_s3_bucket.backups.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "backups" {
  bucket = aws_s3_bucket.backups.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "backups" {
  bucket = aws_s3_bucket.backups.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "backups" {
  bucket = aws_s3_bucket.backups.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.backups.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "backups" {
  bucket = aws_s3_bucket.backups.id
  rule {
    id     = "expire-backups"
    status = "Enabled"
    filter {}
    expiration {
      days = var.backup_retention_days
    }
    noncurrent_version_expiration {
      noncurrent_days = var.backup_retention_days
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }

  depends_on = [aws_s3_bucket_versioning.backups]
}

data "aws_iam_policy_document" "backups_bucket" {
  statement {
    sid       = "TLSOnly"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.backups.arn, "${aws_s3_bucket.backups.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "backups" {
  bucket = aws_s3_bucket.backups.id
  policy = data.aws_iam_policy_document.backups_bucket.json

  depends_on = [aws_s3_bucket_public_access_block.backups]
}

resource "aws_iam_role" "backups" {
  name                 = "${var.iam_role_prefix}database-backup"
  assume_role_policy   = data.aws_iam_policy_document.pod_identity_assume.json
  permissions_boundary = var.iam_permissions_boundary_arn
}

# Write new dumps under the prefix and list it; no read, no delete: a compromised backup pod cannot
# destroy the history (versioning keeps overwritten copies too).
data "aws_iam_policy_document" "backups_writer" {
  statement {
    sid       = "WriteDumps"
    actions   = ["s3:PutObject"]
    resources = ["${aws_s3_bucket.backups.arn}/${var.backup_prefix}*"]
  }
  statement {
    sid       = "ListPrefix"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.backups.arn]
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["${var.backup_prefix}*"]
    }
  }
  statement {
    sid       = "EncryptWithTheBackupKey"
    actions   = ["kms:GenerateDataKey", "kms:Encrypt"]
    resources = [aws_kms_key.backups.arn]
  }
}

resource "aws_iam_role_policy" "backups" {
  name   = "${var.cluster_name}-database-backup"
  role   = aws_iam_role.backups.id
  policy = data.aws_iam_policy_document.backups_writer.json
}

resource "aws_eks_pod_identity_association" "backups" {
  cluster_name    = aws_eks_cluster.this.name
  namespace       = local.backup_identity.namespace
  service_account = local.backup_identity.service_account
  role_arn        = aws_iam_role.backups.arn

  depends_on = [aws_eks_addon.before_nodes]
}
