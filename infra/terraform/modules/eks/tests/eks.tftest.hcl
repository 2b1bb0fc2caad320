# The EKS module on a mocked provider: control-plane hardening, access entries, node group, add-ons.

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"
}

variables {
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000b"]
  cluster_admin_arns = [
    "arn:aws:iam::123456789012:role/proyecto06-ci-deploy",
    "arn:aws:iam::123456789012:role/proyecto06-ci-destroy",
    "arn:aws:iam::123456789012:role/proyecto06-ci-deploy",
  ]
  endpoint_public_access_cidrs = ["203.0.113.0/24"]
}

run "control_plane_is_locked_down" {
  command = plan

  assert {
    condition     = aws_eks_cluster.this.access_config[0].authentication_mode == "API" && !aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions
    error_message = "Access entries only (API mode); admins are declared, not implied."
  }
  assert {
    condition     = aws_eks_cluster.this.encryption_config[0].resources == toset(["secrets"]) && aws_eks_cluster.this.encryption_config[0].provider[0].key_arn == aws_kms_key.secrets.arn
    error_message = "Secrets are envelope-encrypted with the module's KMS key."
  }
  assert {
    condition     = aws_kms_key.secrets.enable_key_rotation
    error_message = "The KMS key rotates."
  }
  assert {
    condition     = toset(aws_eks_cluster.this.enabled_cluster_log_types) == toset(["api", "audit", "authenticator", "controllerManager", "scheduler"]) && aws_cloudwatch_log_group.cluster.name == "/aws/eks/proyecto06/cluster"
    error_message = "All control-plane logs go to the managed log group."
  }
  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].public_access_cidrs == toset(["203.0.113.0/24"]) && aws_eks_cluster.this.vpc_config[0].endpoint_private_access
    error_message = "The public endpoint is limited to the CIDR variable; the private endpoint is on."
  }
  assert {
    condition     = aws_eks_cluster.this.version == "1.33" && aws_eks_cluster.this.upgrade_policy[0].support_type == "STANDARD"
    error_message = "Version from the variable, standard (not extended) support."
  }
}

run "admins_get_cluster_admin_once_each" {
  command = plan

  assert {
    condition     = toset(keys(aws_eks_access_entry.admin)) == toset(["arn:aws:iam::123456789012:role/proyecto06-ci-deploy", "arn:aws:iam::123456789012:role/proyecto06-ci-destroy"])
    error_message = "One access entry per distinct admin principal."
  }
  assert {
    condition     = alltrue([for a in aws_eks_access_policy_association.admin : a.policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" && a.access_scope[0].type == "cluster"])
    error_message = "Each admin gets the cluster-admin access policy, cluster-wide."
  }
}

run "one_node_group_per_zone_al2023_imdsv2" {
  command = plan

  assert {
    condition     = toset(keys(aws_eks_node_group.zone)) == toset(["us-east-1a", "us-east-1b"]) && alltrue([for g in aws_eks_node_group.zone : length(g.subnet_ids) == 1])
    error_message = "One node group per zone, each in its zone's subnet only (the autoscaler can add a node where the database's volume is)."
  }
  assert {
    condition     = alltrue([for g in aws_eks_node_group.zone : g.scaling_config[0].min_size == 1 && g.scaling_config[0].desired_size == 1 && g.scaling_config[0].max_size == 2])
    error_message = "2 to 3 nodes in total split over two zones: 1 to 2 per zone."
  }
  assert {
    condition     = aws_eks_node_group.zone["us-east-1a"].ami_type == "AL2023_x86_64_STANDARD" && aws_eks_node_group.zone["us-east-1b"].subnet_ids == toset(["subnet-0000000000000000b"])
    error_message = "Amazon Linux 2023 nodes in the private subnets."
  }
  assert {
    condition     = aws_launch_template.node.metadata_options[0].http_tokens == "required" && aws_launch_template.node.metadata_options[0].http_put_response_hop_limit == 1
    error_message = "IMDSv2 required, hop limit 1."
  }
  assert {
    condition     = aws_launch_template.node.block_device_mappings[0].ebs[0].encrypted == "true"
    error_message = "Node volumes are encrypted."
  }
}

run "node_group_sizes_must_be_ordered" {
  command = plan

  variables {
    node_min_size     = 3
    node_desired_size = 2
  }

  expect_failures = [aws_eks_node_group.zone]
}

run "add_ons_for_network_policy_storage_metrics_and_autoscaling" {
  command = plan

  assert {
    condition     = toset(concat(keys(aws_eks_addon.before_nodes), keys(aws_eks_addon.after_nodes), [aws_eks_addon.ebs_csi.addon_name])) == toset(["vpc-cni", "kube-proxy", "eks-pod-identity-agent", "coredns", "aws-ebs-csi-driver", "metrics-server"])
    error_message = "Core add-ons plus the EBS CSI driver and metrics-server."
  }
  assert {
    condition     = jsondecode(aws_eks_addon.before_nodes["vpc-cni"].configuration_values).enableNetworkPolicy == "true"
    error_message = "The VPC CNI enforces NetworkPolicies."
  }
  assert {
    condition     = one(aws_eks_addon.ebs_csi.pod_identity_association).service_account == "ebs-csi-controller-sa"
    error_message = "The EBS CSI controller has its own IAM role through Pod Identity."
  }
  assert {
    condition     = aws_eks_pod_identity_association.cluster_autoscaler.namespace == "kube-system" && aws_eks_pod_identity_association.cluster_autoscaler.service_account == "cluster-autoscaler"
    error_message = "The Cluster Autoscaler has its own IAM role through Pod Identity."
  }
}
