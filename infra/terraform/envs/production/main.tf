# The main stack: network, EKS, generated secrets, optional certificate. Created by the deploy workflow,
# removed by the destroy workflow; the bootstrap stack (state, locks, OIDC, CI roles, ECR) stays.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  tags = {
    Project   = var.project
    Stack     = "eks"
    ManagedBy = "terraform"
  }

  # Built from the bootstrap's naming rule rather than looked up, so a plan needs no IAM read access.
  ci_role_arn = {
    for job in ["deploy", "destroy"] :
    job => "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:role/${var.project}-ci-${job}"
  }

  # The bootstrap's workload role convention (ci-policies.tf): every role this stack creates is named
  # with this prefix and carries this boundary, or the deploy role is denied creating it.
  workload_roles = {
    prefix                   = "${var.project}-workload-"
    permissions_boundary_arn = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:policy/${var.project}-workload-boundary"
  }
}

module "network" {
  source = "../../modules/network"

  name                 = var.cluster_name
  cluster_name         = var.cluster_name
  vpc_cidr             = var.vpc_cidr
  public_subnet_cidrs  = var.public_subnet_cidrs
  private_subnet_cidrs = var.private_subnet_cidrs
  nat_gateway_per_az   = var.nat_gateway_per_az

  enable_ecr_interface_endpoints = var.enable_ecr_interface_endpoints
}

module "eks" {
  source = "../../modules/eks"

  cluster_name                 = var.cluster_name
  iam_role_prefix              = local.workload_roles.prefix
  iam_permissions_boundary_arn = local.workload_roles.permissions_boundary_arn
  kubernetes_version           = var.kubernetes_version
  vpc_id                       = module.network.vpc_id
  vpc_cidr                     = module.network.vpc_cidr
  subnet_ids                   = module.network.private_subnet_ids
  availability_zones           = module.network.availability_zones
  endpoint_public_access_cidrs = var.endpoint_public_access_cidrs
  cluster_admin_arns           = concat(values(local.ci_role_arn), var.cluster_admin_arns)
  node_instance_types          = var.node_instance_types
  node_min_size                = var.node_min_size
  node_desired_size            = var.node_desired_size
  node_max_size                = var.node_max_size
}

module "secrets" {
  source = "../../modules/secrets"

  name_prefix = var.project
}

module "certificate" {
  source = "../../modules/certificate"

  domain_name    = var.domain_name
  hosted_zone_id = var.hosted_zone_id
}
