# EKS-managed add-ons. Network, proxy and the Pod Identity agent come before the nodes (nodes need them to
# become Ready); CoreDNS, the EBS CSI driver and metrics-server need nodes to schedule on.

locals {
  addons_before_nodes = {
    "vpc-cni" = jsonencode({
      # Turns on the network-policy agent, so the NetworkPolicies in infra/k8s are enforced.
      enableNetworkPolicy = "true"
    })
    "kube-proxy"             = null
    "eks-pod-identity-agent" = null
  }
}

resource "aws_eks_addon" "before_nodes" {
  for_each = local.addons_before_nodes

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  configuration_values        = each.value
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"
}

# CoreDNS, and metrics-server for the metrics API that the backend's HorizontalPodAutoscaler reads.
resource "aws_eks_addon" "after_nodes" {
  for_each = toset(["coredns", "metrics-server"])

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  depends_on = [aws_eks_node_group.zone]
}

# The database's PersistentVolume is an EBS volume: without this driver its PVC stays Pending.
resource "aws_eks_addon" "ebs_csi" {
  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = "aws-ebs-csi-driver"
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  pod_identity_association {
    role_arn        = aws_iam_role.pod_identity["ebs-csi"].arn
    service_account = local.pod_identities["ebs-csi"].service_account
  }

  depends_on = [aws_eks_node_group.zone]
}
