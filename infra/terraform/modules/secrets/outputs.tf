output "database_secret_arn" {
  description = "ARN of the database password secret (the ARN only, never the value)."
  value       = aws_secretsmanager_secret.this["database"].arn
}

output "jwt_secret_arn" {
  description = "ARN of the JWT signing secret (the ARN only, never the value)."
  value       = aws_secretsmanager_secret.this["jwt-secret"].arn
}
