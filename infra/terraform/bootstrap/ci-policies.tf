# What each CI role may do. Statements are scoped to this project's names wherever the AWS API allows
# resource-level permissions; where it does not (EC2 networking, KMS key creation, Describe calls) they
# are limited to the project's region instead.

locals {
  arn_prefix = "arn:${local.partition}"
  region_acc = "${var.region}:${local.account_id}"
  repo_arns  = ["${local.arn_prefix}:ecr:${local.region_acc}:repository/${var.project}-*"]
  in_region = {
    test     = "StringEquals"
    variable = "aws:RequestedRegion"
    values   = [var.region]
  }
}

# --- build: push images, re-create a repository that a destroy removed ---------------------------------

data "aws_iam_policy_document" "build" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushAndRecreateRepositories"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:CreateRepository",
      "ecr:DescribeImages",
      "ecr:DescribeRepositories",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:PutImageScanningConfiguration",
      "ecr:PutLifecyclePolicy",
      "ecr:TagResource",
      "ecr:UploadLayerPart",
    ]
    resources = local.repo_arns
  }
}

# --- state: every role that runs Terraform on the main stack -------------------------------------------

data "aws_iam_policy_document" "state_read" {
  statement {
    sid       = "StateList"
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.state.arn]
  }

  statement {
    sid       = "StateRead"
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.state.arn}/${var.project}/*"]
  }
}

data "aws_iam_policy_document" "state_write" {
  source_policy_documents = [data.aws_iam_policy_document.state_read.json]

  statement {
    sid       = "StateWriteAndLockFile"
    actions   = ["s3:PutObject", "s3:DeleteObject"]
    resources = ["${aws_s3_bucket.state.arn}/${var.project}/*"]
  }

  statement {
    sid       = "StateLockTable"
    actions   = ["dynamodb:DescribeTable", "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"]
    resources = [aws_dynamodb_table.locks.arn]
  }
}

# --- apply/destroy of the main stack, plus what scripts/deploy.sh and destroy.sh call -------------------

data "aws_iam_policy_document" "main_stack" {
  source_policy_documents = [data.aws_iam_policy_document.state_write.json]

  statement {
    sid = "NetworkAndNodes"
    # VPC, subnet, NAT, route, security group and launch template APIs have no usable resource-level
    # scoping at creation time; the region condition keeps them to the project's region.
    actions   = ["ec2:*", "autoscaling:Describe*", "elasticloadbalancing:Describe*"]
    resources = ["*"]
    condition {
      test     = local.in_region.test
      variable = local.in_region.variable
      values   = local.in_region.values
    }
  }

  statement {
    sid       = "EksCluster"
    actions   = ["eks:*"]
    resources = ["${local.arn_prefix}:eks:${local.region_acc}:*/${var.project}*"]
  }

  statement {
    sid       = "EksDiscovery"
    actions   = ["eks:DescribeAddonVersions", "eks:DescribeAddonConfiguration", "eks:ListClusters"]
    resources = ["*"]
  }

  statement {
    sid = "ProjectRolesAndPolicies"
    actions = [
      "iam:AttachRolePolicy", "iam:CreatePolicy", "iam:CreatePolicyVersion", "iam:CreateRole",
      "iam:DeletePolicy", "iam:DeletePolicyVersion", "iam:DeleteRole", "iam:DeleteRolePolicy",
      "iam:DetachRolePolicy", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetRole", "iam:GetRolePolicy",
      "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:ListPolicyVersions",
      "iam:ListRolePolicies", "iam:PutRolePolicy", "iam:TagPolicy", "iam:TagRole", "iam:UntagRole",
      "iam:UpdateAssumeRolePolicy", "iam:UpdateRoleDescription",
    ]
    resources = [
      "${local.arn_prefix}:iam::${local.account_id}:role/${var.project}-*",
      "${local.arn_prefix}:iam::${local.account_id}:policy/${var.project}-*",
    ]
  }

  statement {
    sid       = "PassProjectRolesToAws"
    actions   = ["iam:PassRole"]
    resources = ["${local.arn_prefix}:iam::${local.account_id}:role/${var.project}-*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["eks.amazonaws.com", "ec2.amazonaws.com", "pods.eks.amazonaws.com"]
    }
  }

  statement {
    sid       = "ServiceLinkedRoles"
    actions   = ["iam:CreateServiceLinkedRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:AWSServiceName"
      values = [
        "eks.amazonaws.com", "eks-nodegroup.amazonaws.com", "autoscaling.amazonaws.com",
        "elasticloadbalancing.amazonaws.com",
      ]
    }
  }

  statement {
    sid       = "ReadIdentity"
    actions   = ["iam:GetRole", "iam:ListRoles", "sts:GetCallerIdentity"]
    resources = ["*"]
  }

  statement {
    sid       = "KmsCreate"
    actions   = ["kms:CreateKey", "kms:ListAliases", "kms:ListKeys"]
    resources = ["*"]
    condition {
      test     = local.in_region.test
      variable = local.in_region.variable
      values   = local.in_region.values
    }
  }

  statement {
    sid       = "KmsProjectKeys"
    actions   = ["kms:*"]
    resources = ["${local.arn_prefix}:kms:${local.region_acc}:key/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/Project"
      values   = [var.project]
    }
  }

  statement {
    sid       = "KmsProjectAliases"
    actions   = ["kms:CreateAlias", "kms:DeleteAlias", "kms:UpdateAlias"]
    resources = ["${local.arn_prefix}:kms:${local.region_acc}:alias/${var.project}-*"]
  }

  statement {
    sid       = "ControlPlaneLogs"
    actions   = ["logs:*"]
    resources = ["${local.arn_prefix}:logs:${local.region_acc}:log-group:/aws/eks/${var.project}*"]
  }

  statement {
    sid       = "LogDiscovery"
    actions   = ["logs:DescribeLogGroups", "secretsmanager:GetRandomPassword", "acm:ListCertificates"]
    resources = ["*"]
  }

  statement {
    sid       = "ProjectSecrets"
    actions   = ["secretsmanager:*"]
    resources = ["${local.arn_prefix}:secretsmanager:${local.region_acc}:secret:${var.project}/*"]
  }

  statement {
    sid       = "HttpsCertificate"
    actions   = ["acm:*", "route53:ChangeResourceRecordSets", "route53:GetChange", "route53:GetHostedZone", "route53:ListResourceRecordSets"]
    resources = ["${local.arn_prefix}:acm:${local.region_acc}:certificate/*", "${local.arn_prefix}:route53:::hostedzone/*", "${local.arn_prefix}:route53:::change/*"]
  }
}

# --- destroy additionally empties and deletes the image repositories and lists what is left -----------

data "aws_iam_policy_document" "destroy" {
  source_policy_documents = [data.aws_iam_policy_document.main_stack.json]

  statement {
    sid       = "DeleteRepositories"
    actions   = ["ecr:BatchDeleteImage", "ecr:DeleteRepository", "ecr:DescribeRepositories", "ecr:ListImages"]
    resources = local.repo_arns
  }

  statement {
    sid       = "LeftoversReport"
    actions   = ["tag:GetResources", "ecr:DescribeRepositories"]
    resources = ["*"]
  }
}

locals {
  ci_policies = {
    build   = data.aws_iam_policy_document.build.json
    deploy  = data.aws_iam_policy_document.main_stack.json
    destroy = data.aws_iam_policy_document.destroy.json
    plan    = data.aws_iam_policy_document.state_read.json
  }
}

resource "aws_iam_role_policy" "ci" {
  for_each = local.ci_policies

  name   = "${var.project}-ci-${each.key}"
  role   = aws_iam_role.ci[each.key].id
  policy = each.value
}

# A plan refreshes nothing (ci.yml runs `plan -refresh=false -lock=false`) but still reads data sources.
resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.ci["plan"].name
  policy_arn = "${local.arn_prefix}:iam::aws:policy/ReadOnlyAccess"
}
