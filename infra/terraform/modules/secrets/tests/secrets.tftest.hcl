# The secrets module on a mocked provider: two entries, no value anywhere in Terraform.

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"
}

run "two_empty_secrets_with_reusable_names" {
  command = plan

  assert {
    condition     = toset([for s in aws_secretsmanager_secret.this : s.name]) == toset(["proyecto06/database", "proyecto06/jwt-secret", "proyecto06/monitoring", "proyecto06/grafana-admin", "proyecto06/openai-api-key"])
    error_message = "Secrets live under the project's prefix, which the CI roles may read."
  }
  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.this : s.recovery_window_in_days == 0])
    error_message = "Deleted at once on destroy, so a deploy after a destroy can create the same names."
  }
}
