# GitHub Actions OIDC: workflows exchange their short-lived token for role credentials, so no AWS key is
# ever stored in GitHub. Each role trusts exactly one token subject:
#   build   repo:OWNER/NAME:ref:refs/heads/main       (build-and-push on main, no environment)
#   deploy  repo:OWNER/NAME:environment:production    (deploy-to-eks; the environment allows main only)
#   destroy repo:OWNER/NAME:environment:destroy       (destroy.yml; the environment has required reviewers)
#   plan    repo:OWNER/NAME:pull_request               (ci.yml's terraform plan; read-only)

locals {
  github_oidc_host = "token.actions.githubusercontent.com"
  github_oidc_provider_arn = (
    var.create_github_oidc_provider
    ? aws_iam_openid_connect_provider.github[0].arn
    : "arn:${local.partition}:iam::${local.account_id}:oidc-provider/${local.github_oidc_host}"
  )

  ci_roles = {
    build   = "repo:${var.github_repository}:ref:refs/heads/main"
    deploy  = "repo:${var.github_repository}:environment:${var.deploy_environment}"
    destroy = "repo:${var.github_repository}:environment:${var.destroy_environment}"
    plan    = "repo:${var.github_repository}:pull_request"
  }

  # Longest session each role's job may need: the workflows ask for exactly this (role-duration-seconds)
  # and stop the job before it ends (timeout-minutes); infra/test/lint.test.ts checks both. A first deploy
  # is ~20 min of apply plus up to 10 min per rollout wait; a destroy waits on load balancers and volumes.
  ci_session_seconds = {
    build   = 3600
    deploy  = 7200
    destroy = 7200
    plan    = 3600
  }
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = "https://${local.github_oidc_host}"
  client_id_list = ["sts.amazonaws.com"]
  # AWS validates GitHub's certificate against its own trusted CAs; the thumbprint is no longer used.
}

# jsonencode rather than aws_iam_policy_document: the trust policy is the security boundary, and a plain
# expression lets `terraform test` (mocked provider) decode and assert it.
locals {
  ci_trust = {
    for name, subject in local.ci_roles : name => jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Action    = "sts:AssumeRoleWithWebIdentity"
        Principal = { Federated = local.github_oidc_provider_arn }
        # StringEquals, not StringLike: one exact subject per role, no wildcards.
        Condition = {
          StringEquals = {
            "${local.github_oidc_host}:aud" = "sts.amazonaws.com"
            "${local.github_oidc_host}:sub" = subject
          }
        }
      }]
    })
  }
}

resource "aws_iam_role" "ci" {
  for_each = local.ci_roles

  name                 = "${var.project}-ci-${each.key}"
  description          = "GitHub Actions ${each.key} role of ${var.github_repository} (OIDC, subject ${each.value})"
  assume_role_policy   = local.ci_trust[each.key]
  max_session_duration = local.ci_session_seconds[each.key]
}
