# Offline proof of the bootstrap stack: the provider is mocked, so nothing reaches AWS. Values that AWS
# would compute (account id, ARNs) come from the mock defaults below, already at plan time. Every run is a
# plan: the state bucket and lock table have prevent_destroy, which (rightly) refuses a test's teardown.

mock_provider "aws" {
  override_during = plan
  source          = "../tests/aws-mock"
}

variables {
  github_repository = "acme/proyecto06"
}


run "state_backend_is_private_versioned_encrypted_and_locked" {
  command = plan
  assert {
    condition     = aws_s3_bucket.state.bucket == "proyecto06-terraform-state-123456789012"
    error_message = "The state bucket name must be project + account id."
  }
  assert {
    condition     = aws_s3_bucket_versioning.state.versioning_configuration[0].status == "Enabled"
    error_message = "State bucket versioning must be on."
  }
  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.state.rule : one(r.apply_server_side_encryption_by_default).sse_algorithm]) == "aws:kms"
    error_message = "State bucket must be encrypted with KMS."
  }
  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.state.block_public_acls,
      aws_s3_bucket_public_access_block.state.block_public_policy,
      aws_s3_bucket_public_access_block.state.ignore_public_acls,
      aws_s3_bucket_public_access_block.state.restrict_public_buckets,
    ])
    error_message = "All four public-access blocks must be on."
  }
  assert {
    condition     = aws_dynamodb_table.locks.hash_key == "LockID" && aws_dynamodb_table.locks.billing_mode == "PAY_PER_REQUEST"
    error_message = "The lock table needs the LockID hash key Terraform's S3 backend uses."
  }
  assert {
    condition     = strcontains(output.backend_config, "key            = \"proyecto06/eks/terraform.tfstate\"") && strcontains(output.backend_config, "dynamodb_table = \"proyecto06-terraform-locks\"")
    error_message = "backend_config must name the state key and the lock table."
  }
}

run "three_scanned_repositories_with_lifecycle" {
  command = plan
  assert {
    condition     = toset(keys(aws_ecr_repository.image)) == toset(["proyecto06-frontend", "proyecto06-backend", "proyecto06-database"])
    error_message = "Exactly the three design repositories must exist."
  }
  assert {
    condition     = alltrue([for r in aws_ecr_repository.image : r.image_scanning_configuration[0].scan_on_push])
    error_message = "Every repository scans on push."
  }
  assert {
    condition     = alltrue([for r in aws_ecr_repository.image : r.image_tag_mutability == "IMMUTABLE"]) && strcontains(file("${path.module}/../../../scripts/ensure-ecr-repository.sh"), "--image-tag-mutability IMMUTABLE")
    error_message = "Image tags are immutable, in Terraform and in the script that re-creates a repository."
  }
  assert {
    condition     = length(aws_ecr_lifecycle_policy.image) == 3 && alltrue([for p in aws_ecr_lifecycle_policy.image : jsondecode(p.policy).rules[1].selection.countNumber == 30])
    error_message = "Every repository has the lifecycle policy keeping 30 images."
  }
}

run "oidc_roles_trust_one_exact_subject_each" {
  command = plan
  assert {
    condition     = aws_iam_openid_connect_provider.github[0].url == "https://token.actions.githubusercontent.com" && aws_iam_openid_connect_provider.github[0].client_id_list == toset(["sts.amazonaws.com"])
    error_message = "The OIDC provider is GitHub's, audience sts.amazonaws.com."
  }
  assert {
    condition     = toset(keys(aws_iam_role.ci)) == toset(["build", "deploy", "destroy", "plan"])
    error_message = "One CI role per job kind."
  }
  assert {
    condition     = jsondecode(aws_iam_role.ci["build"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:acme/proyecto06:ref:refs/heads/main"
    error_message = "The build role trusts only this repository's main branch."
  }
  assert {
    condition     = jsondecode(aws_iam_role.ci["deploy"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:acme/proyecto06:environment:production"
    error_message = "The deploy role trusts only the production environment of this repository."
  }
  assert {
    condition     = jsondecode(aws_iam_role.ci["destroy"].assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:sub"] == "repo:acme/proyecto06:environment:destroy"
    error_message = "The destroy role trusts only the destroy environment of this repository."
  }
  assert {
    condition = alltrue([for r in aws_iam_role.ci :
      length(jsondecode(r.assume_role_policy).Statement) == 1 &&
      jsondecode(r.assume_role_policy).Statement[0].Condition.StringEquals["token.actions.githubusercontent.com:aud"] == "sts.amazonaws.com" &&
      !strcontains(r.assume_role_policy, "*")
    ])
    error_message = "Every trust policy is one statement with the STS audience and no wildcard."
  }
  assert {
    condition     = endswith(aws_iam_role_policy_attachment.plan_view_only.policy_arn, ":iam::aws:policy/job-function/ViewOnlyAccess") && aws_iam_role_policy_attachment.plan_view_only.role == aws_iam_role.ci["plan"].name
    error_message = "The plan role gets ViewOnlyAccess (metadata), never ReadOnlyAccess (every object)."
  }
  assert {
    condition     = aws_iam_role.ci["deploy"].max_session_duration >= 7200 && aws_iam_role.ci["destroy"].max_session_duration >= 7200
    error_message = "Deploy and destroy sessions must outlast their longest job (two hours)."
  }
}

run "existing_oidc_provider_is_referenced_not_created" {
  command = plan
  variables {
    create_github_oidc_provider = false
  }
  assert {
    condition     = length(aws_iam_openid_connect_provider.github) == 0 && output.github_oidc_provider_arn == "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
    error_message = "With create_github_oidc_provider=false the account's provider is referenced by ARN."
  }
}

run "repository_must_be_set" {
  command = plan
  variables {
    github_repository = ""
  }
  expect_failures = [var.github_repository]
}

run "ci_policies_are_the_policy_templates" {
  command = plan
  assert {
    condition     = toset(keys(aws_iam_role_policy.ci)) == toset(["build", "deploy", "destroy", "plan"])
    error_message = "Every CI role has its inline policy."
  }
  assert {
    condition     = alltrue([for p in aws_iam_role_policy.ci : length(p.policy) <= 10240])
    error_message = "An inline role policy may hold at most 10,240 characters."
  }
  assert {
    condition     = contains([for s in jsondecode(aws_iam_role_policy.ci["deploy"].policy).Statement : s.Sid], "NoChangeToCiRolesBoundaryOrOidc")
    error_message = "The deploy role is denied changes to the CI roles."
  }
  assert {
    condition     = aws_iam_policy.workload_boundary.name == "proyecto06-workload-boundary" && output.workload_role_convention.prefix == "proyecto06-workload-"
    error_message = "The workload boundary and prefix follow the naming the main stack builds."
  }
}
