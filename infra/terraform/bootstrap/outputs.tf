output "state_bucket" {
  description = "S3 bucket holding the main stack's state (kept on destroy)."
  value       = aws_s3_bucket.state.bucket
}

output "lock_table" {
  description = "DynamoDB table locking the main stack's state."
  value       = aws_dynamodb_table.locks.name
}

output "backend_config" {
  description = "Contents of infra/terraform/envs/production/backend.hcl (the main stack's -backend-config file)."
  value       = <<-EOT
    bucket         = "${aws_s3_bucket.state.bucket}"
    key            = "${local.state_key}"
    region         = "${var.region}"
    dynamodb_table = "${aws_dynamodb_table.locks.name}"
  EOT
}

output "ci_role_arns" {
  description = "Role ARN per CI job: set them as the GitHub variables AWS_BUILD_ROLE_ARN, AWS_DEPLOY_ROLE_ARN, AWS_DESTROY_ROLE_ARN, AWS_PLAN_ROLE_ARN."
  value       = { for name, role in aws_iam_role.ci : name => role.arn }
}

output "ecr_repository_urls" {
  description = "Image repository URL per component."
  value       = { for name, repo in aws_ecr_repository.image : trimprefix(name, "${var.project}-") => repo.repository_url }
}

output "github_oidc_provider_arn" {
  description = "ARN of the GitHub Actions OIDC provider the CI roles trust."
  value       = local.github_oidc_provider_arn
}

output "workload_role_convention" {
  description = "Name prefix and permissions boundary every role of the main stack must have (the deploy role can create no other)."
  value       = { prefix = local.workload_role_prefix, permissions_boundary_arn = local.boundary_arn }
}
