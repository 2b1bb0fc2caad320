output "database_secret_arn" {
  description = "ARN of the database password secret (the ARN only, never the value)."
  value       = aws_secretsmanager_secret.this["database"].arn
}

output "jwt_secret_arn" {
  description = "ARN of the JWT signing secret (the ARN only, never the value)."
  value       = aws_secretsmanager_secret.this["jwt-secret"].arn
}

output "monitoring_secret_arns" {
  description = "ARNs of the observability secrets: monitoring (pg_monitor password), grafana_admin, openai_api_key."
  value = {
    monitoring     = aws_secretsmanager_secret.this["monitoring"].arn
    grafana_admin  = aws_secretsmanager_secret.this["grafana-admin"].arn
    openai_api_key = aws_secretsmanager_secret.this["openai-api-key"].arn
  }
}
