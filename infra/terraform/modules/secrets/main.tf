# The two secrets of the application, as empty Secrets Manager entries. Their values are generated inside
# AWS by scripts/sync-secrets.sh on the first deploy (`aws secretsmanager get-random-password`, then
# put-secret-value) and copied into Kubernetes Secrets: they never pass through Terraform, so they are in
# no plan, state or output. (Terraform's ephemeral random password + write-only attribute would do the
# same, but `terraform test` cannot mock ephemeral resources, and this stack is proven by such tests.)

locals {
  secrets = {
    database   = "Password of the PostgreSQL role ${var.name_prefix} (user and database names are fixed by the design)"
    jwt-secret = "Signing key of ${var.name_prefix}'s login tokens (the backend's JWT_SECRET)"
    # Observability (docs/observability.md). The first two are generated like the others; the OpenAI key
    # is put here by a person (aws secretsmanager put-secret-value), and K8sGPT is skipped while it has none.
    monitoring     = "Password of the PostgreSQL role conduit_monitor (pg_monitor) that postgres_exporter uses"
    grafana-admin  = "Password of Grafana's admin user (kube-prometheus-stack)"
    openai-api-key = "OpenAI API key of K8sGPT; leave without a value to skip K8sGPT"
  }
}

resource "aws_secretsmanager_secret" "this" {
  for_each = local.secrets

  name        = "${var.name_prefix}/${each.key}"
  description = each.value
  # Deleted at once on destroy, so that a deploy after a destroy can create the same names again.
  recovery_window_in_days = 0
}
