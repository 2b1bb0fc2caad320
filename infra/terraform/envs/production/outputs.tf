# scripts/deploy.sh reads these with `terraform output -raw NAME`. No secret value is ever an output.

output "cluster_name" {
  description = "Name of the EKS cluster (for aws eks update-kubeconfig)."
  value       = module.eks.cluster_name
}

output "region" {
  description = "AWS region of the stack."
  value       = var.region
}

output "ecr_repository_urls" {
  description = "Image repository URL per component (the repositories themselves belong to the bootstrap)."
  value = {
    for c in ["frontend", "backend", "database"] :
    c => "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com/${var.project}-${c}"
  }
}

output "ecr_registry" {
  description = "ECR registry host of the account and region."
  value       = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com"
}

output "ci_role_arns" {
  description = "CI roles given cluster-admin by access entries."
  value       = local.ci_role_arn
}

output "node_role_arn" {
  description = "IAM role of the worker nodes."
  value       = module.eks.node_role_arn
}

output "pod_identity_role_arns" {
  description = "IAM role per in-cluster controller."
  value       = module.eks.pod_identity_role_arns
}

output "database_secret_id" {
  description = "Secrets Manager ARN of the database credentials (read by scripts/sync-secrets.sh)."
  value       = module.secrets.database_secret_arn
}

output "jwt_secret_id" {
  description = "Secrets Manager ARN of the JWT signing secret (read by scripts/sync-secrets.sh)."
  value       = module.secrets.jwt_secret_arn
}

output "certificate_arn" {
  description = "ACM certificate of the HTTPS listener; empty when domain_name is empty."
  value       = module.certificate.certificate_arn
}

output "certificate_validation_records" {
  description = "DNS records to add by hand for the certificate when no hosted zone was given."
  value       = module.certificate.validation_records
}

output "vpc_id" {
  description = "ID of the VPC."
  value       = module.network.vpc_id
}

output "monitoring_secret_id" {
  description = "Secrets Manager ARN of the pg_monitor role's password (read by scripts/sync-secrets.sh)."
  value       = module.secrets.monitoring_secret_arns.monitoring
}

output "grafana_secret_id" {
  description = "Secrets Manager ARN of Grafana's admin password (read by scripts/sync-secrets.sh)."
  value       = module.secrets.monitoring_secret_arns.grafana_admin
}

output "openai_secret_id" {
  description = "Secrets Manager ARN of K8sGPT's OpenAI key, set by hand (read by scripts/sync-secrets.sh)."
  value       = module.secrets.monitoring_secret_arns.openai_api_key
}

output "backup_bucket" {
  description = "S3 bucket of the database backups (scripts/db-restore.sh --kubernetes reads BACKUP_BUCKET)."
  value       = module.eks.backup_bucket
}
