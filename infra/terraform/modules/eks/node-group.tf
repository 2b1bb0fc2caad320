data "aws_iam_policy_document" "ec2_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "node" {
  name                 = "${var.iam_role_prefix}eks-node"
  assume_role_policy   = data.aws_iam_policy_document.ec2_assume.json
  permissions_boundary = var.iam_permissions_boundary_arn
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = toset([
    "AmazonEKSWorkerNodePolicy",
    "AmazonEC2ContainerRegistryPullOnly",
    # The VPC CNI's aws-node runs on the host network, so it uses the node role in any case.
    "AmazonEKS_CNI_Policy",
  ])

  role       = aws_iam_role.node.name
  policy_arn = "${local.policy_arn}/${each.key}"
}

resource "aws_launch_template" "node" {
  name_prefix            = "${var.cluster_name}-node-"
  update_default_version = true

  # IMDSv2 only, and a hop limit of 1 so that pods (one network hop further) cannot read the node role's
  # credentials; the add-ons that call AWS get their own roles through Pod Identity.
  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = var.node_disk_size_gib
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${var.cluster_name}-node" }
  }
}

# One node group per zone. The database's EBS volume lives in one zone: when its node goes, the
# Cluster Autoscaler must be able to add a node in exactly that zone, which it can only do with an Auto
# Scaling group per zone (--balance-similar-node-groups keeps the zones even otherwise). The totals of
# the variables are split evenly over the zones (each zone gets ceil(total / zones)).
locals {
  node_subnets = zipmap(var.availability_zones, var.subnet_ids)
  zone_count   = length(var.availability_zones)
  per_zone = {
    min     = ceil(var.node_min_size / local.zone_count)
    desired = ceil(var.node_desired_size / local.zone_count)
    max     = ceil(var.node_max_size / local.zone_count)
  }
}

resource "aws_eks_node_group" "zone" {
  for_each = local.node_subnets

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = "${var.cluster_name}-${each.key}"
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = [each.value]
  version         = var.kubernetes_version
  ami_type        = "AL2023_x86_64_STANDARD"
  capacity_type   = "ON_DEMAND"
  instance_types  = var.node_instance_types

  launch_template {
    id      = aws_launch_template.node.id
    version = aws_launch_template.node.latest_version
  }

  scaling_config {
    min_size     = local.per_zone.min
    desired_size = local.per_zone.desired
    max_size     = local.per_zone.max
  }

  update_config {
    max_unavailable = 1
  }

  # The Cluster Autoscaler changes the desired size; Terraform must not reset it on every apply.
  lifecycle {
    ignore_changes = [scaling_config[0].desired_size]

    precondition {
      condition     = var.node_min_size <= var.node_desired_size && var.node_desired_size <= var.node_max_size
      error_message = "Node group sizes must satisfy min <= desired <= max."
    }
    precondition {
      condition     = length(var.availability_zones) == length(var.subnet_ids)
      error_message = "availability_zones and subnet_ids must list the same zones, in the same order."
    }
  }

  # Nodes join only once the network add-ons exist, or they stay NotReady.
  depends_on = [
    aws_iam_role_policy_attachment.node,
    aws_eks_addon.before_nodes,
  ]
}
