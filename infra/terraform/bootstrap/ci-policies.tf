# What each CI role may do. The statements live in policies/*.json.tftpl, so that the offline IAM
# coverage test (infra/test/iam.test.ts) evaluates exactly the documents AWS gets. They are scoped to this
# project's names wherever the AWS API allows resource-level permissions; where it does not (EC2 creation,
# KMS key creation, Describe calls) to the project's region, and to the Project tag for changes and
# deletions.
#
# Roles the pipeline creates (the main stack's "workload" roles: EKS control plane, nodes, Pod Identity)
# must be named local.workload_role_prefix* and carry the permissions boundary local.boundary_arn: the
# deploy role cannot create or change any other role, so it cannot make itself (or anything) an admin.

locals {
  workload_role_prefix = "${var.project}-workload-"
  boundary_name        = "${var.project}-workload-boundary"
  boundary_arn         = "arn:${local.partition}:iam::${local.account_id}:policy/${local.boundary_name}"

  policy_vars = {
    partition       = local.partition
    account_id      = local.account_id
    region          = var.region
    project         = var.project
    state_bucket    = local.state_bucket
    lock_table      = local.lock_table
    workload_prefix = local.workload_role_prefix
    boundary_name   = local.boundary_name
    boundary_arn    = local.boundary_arn
  }

  # Each role's inline policy: the statements of these documents, in this order.
  ci_policy_documents = {
    build   = ["build"]
    deploy  = ["state-read", "state-write", "main-stack"]
    destroy = ["state-read", "state-write", "main-stack", "destroy"]
    plan    = ["state-read", "plan"]
  }

  ci_policies = {
    for role, documents in local.ci_policy_documents : role => jsonencode({
      Version = "2012-10-17"
      Statement = flatten([
        for d in documents : jsondecode(templatefile("${path.module}/policies/${d}.json.tftpl", local.policy_vars)).Statement
      ])
    })
  }
}

resource "aws_iam_role_policy" "ci" {
  for_each = local.ci_policies

  name   = "${var.project}-ci-${each.key}"
  role   = aws_iam_role.ci[each.key].id
  policy = each.value
}

# The ceiling of every workload role, whatever policy the deploy role attaches to it.
resource "aws_iam_policy" "workload_boundary" {
  name        = local.boundary_name
  description = "Permissions boundary of the roles ${var.project}'s deploy pipeline creates (${local.workload_role_prefix}*)"
  policy = jsonencode(merge(
    { Version = "2012-10-17" },
    jsondecode(templatefile("${path.module}/policies/workload-boundary.json.tftpl", local.policy_vars)),
  ))
}

# Pull requests plan with `plan -refresh=false -lock=false`: metadata reads (ViewOnlyAccess: list and
# describe, no object or secret contents) plus the state object. Not ReadOnlyAccess, which reads every S3
# object and secret-bearing configuration in the account.
resource "aws_iam_role_policy_attachment" "plan_view_only" {
  role       = aws_iam_role.ci["plan"].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/job-function/ViewOnlyAccess"
}
