# API authentication mode: the admins get an access entry with the cluster-admin access policy. The CI
# deploy role (the cluster's creator in the documented flow) and the destroy role are always among them.

locals {
  admin_arns = toset(var.cluster_admin_arns)
}

resource "aws_eks_access_entry" "admin" {
  for_each = local.admin_arns

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.key
  type          = "STANDARD"
}

resource "aws_eks_access_policy_association" "admin" {
  for_each = local.admin_arns

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.admin[each.key].principal_arn
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"

  access_scope {
    type = "cluster"
  }
}
