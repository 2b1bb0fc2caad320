variable "cluster_name" {
  description = "Name of the EKS cluster."
  type        = string
  default     = "proyecto06"
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the node group."
  type        = string
  default     = "1.33"
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string
  default     = ""
}

variable "vpc_cidr" {
  description = "CIDR of the VPC (the control plane accepts HTTPS from inside it)."
  type        = string
  default     = "10.0.0.0/16"
}

variable "subnet_ids" {
  description = "Private subnets of the control-plane ENIs and the nodes (two zones or more)."
  type        = list(string)
  default     = []
}

variable "availability_zones" {
  description = "Zone of each subnet of subnet_ids, same order: one node group per zone."
  type        = list(string)
  default     = ["us-east-1a", "us-east-1b"]
}

variable "endpoint_public_access_cidrs" {
  description = "CIDRs allowed to reach the public Kubernetes API endpoint (IAM authentication still applies)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "cluster_admin_arns" {
  description = "IAM principals (roles or users) granted cluster-admin through access entries."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "EC2 instance types of the managed node group."
  type        = list(string)
  default     = ["t3.medium"]
}

variable "node_min_size" {
  description = "Minimum number of nodes, in total (split evenly over the zones' node groups)."
  type        = number
  default     = 2
}

variable "node_desired_size" {
  description = "Initial number of nodes (the Cluster Autoscaler owns it afterwards)."
  type        = number
  default     = 2
}

variable "node_max_size" {
  description = "Maximum number of nodes the Cluster Autoscaler may reach, in total (each zone gets ceil(max / zones))."
  type        = number
  default     = 3
}

variable "node_disk_size_gib" {
  description = "Root volume size of each node, GiB (gp3, encrypted)."
  type        = number
  default     = 20
}

variable "log_retention_days" {
  description = "Retention of the control-plane logs in CloudWatch."
  type        = number
  default     = 30
}

variable "control_plane_log_types" {
  description = "Control-plane log types sent to CloudWatch."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
}

# The bootstrap's workload role convention (its output workload_role_convention): the deploy role may
# create only roles named with this prefix and carrying this boundary. Every aws_iam_role here uses both.
variable "iam_role_prefix" {
  description = "Name prefix of every IAM role this module creates (the CI deploy role may manage no other)."
  type        = string
  default     = "proyecto06-workload-"
}

variable "iam_permissions_boundary_arn" {
  description = "Permissions boundary attached to every IAM role this module creates."
  type        = string
  default     = "arn:aws:iam::123456789012:policy/proyecto06-workload-boundary"
}

variable "backup_retention_days" {
  description = "Days every version of a database backup is kept in the backup bucket."
  type        = number
  default     = 30
  validation {
    condition     = var.backup_retention_days >= 1
    error_message = "backup_retention_days must be at least 1."
  }
}

variable "backup_prefix" {
  description = "Key prefix of the database dumps in the backup bucket; the backup role may write only there."
  type        = string
  default     = "database/"
  validation {
    condition     = can(regex("^[a-z0-9-]+/$", var.backup_prefix))
    error_message = "backup_prefix must be lowercase words ending with a slash, such as database/."
  }
}
