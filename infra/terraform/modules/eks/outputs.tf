output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_endpoint" {
  description = "URL of the Kubernetes API."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = aws_eks_cluster.this.version
}

output "node_role_arn" {
  description = "IAM role of the worker nodes."
  value       = aws_iam_role.node.arn
}

output "cluster_role_arn" {
  description = "IAM role of the EKS control plane."
  value       = aws_iam_role.cluster.arn
}

output "pod_identity_role_arns" {
  description = "IAM role per in-cluster controller (ebs-csi, cluster-autoscaler)."
  value       = { for name, role in aws_iam_role.pod_identity : name => role.arn }
}

output "secrets_kms_key_arn" {
  description = "KMS key encrypting Kubernetes Secrets."
  value       = aws_kms_key.secrets.arn
}

output "admin_principal_arns" {
  description = "IAM principals with a cluster-admin access entry."
  value       = keys(aws_eks_access_entry.admin)
}

output "backup_bucket" {
  description = "S3 bucket of the database backups (kept by scripts/destroy.sh unless --delete-backups)."
  value       = aws_s3_bucket.backups.bucket
}
