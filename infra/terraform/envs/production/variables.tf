variable "region" {
  description = "AWS region of the cluster (the design document's us-east-1)."
  type        = string
  default     = "us-east-1"
}

variable "project" {
  description = "Project name: prefix of every resource, the Secrets Manager path and the CI role names."
  type        = string
  default     = "proyecto06"
}

variable "cluster_name" {
  description = "Name of the EKS cluster."
  type        = string
  default     = "proyecto06"
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the cluster and its nodes."
  type        = string
  default     = "1.33"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "public_subnet_cidrs" {
  description = "Public subnets, one per availability zone."
  type        = list(string)
  default     = ["10.0.0.0/24", "10.0.1.0/24"]
}

variable "private_subnet_cidrs" {
  description = "Private subnets, one per availability zone."
  type        = list(string)
  default     = ["10.0.2.0/24", "10.0.3.0/24"]
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per zone (about 33 USD/month each) instead of one shared NAT gateway."
  type        = bool
  default     = false
}

variable "endpoint_public_access_cidrs" {
  description = "CIDRs that may reach the public Kubernetes API. GitHub-hosted runners have no fixed addresses, so the default is open and IAM authentication is the guard; narrow it when the deploys run from known addresses."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "cluster_admin_arns" {
  description = "Extra IAM principals with cluster-admin (e.g. your own SSO role); the CI deploy and destroy roles are always admins."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["t3.medium"]
}

variable "node_min_size" {
  description = "Minimum node count."
  type        = number
  default     = 2

  validation {
    condition     = var.node_min_size >= 2
    error_message = "At least two nodes: the backend and frontend PDBs and zone spread assume two."
  }
}

variable "node_desired_size" {
  description = "Initial node count."
  type        = number
  default     = 2
}

variable "node_max_size" {
  description = "Maximum node count reachable by the Cluster Autoscaler."
  type        = number
  default     = 3

  validation {
    condition     = var.node_max_size <= 10
    error_message = "More than 10 nodes is not what this stack is sized (or budgeted) for."
  }
}

variable "domain_name" {
  description = "Public host name for HTTPS (ACM certificate + TLS listener). Empty = HTTP only."
  type        = string
  default     = ""
}

variable "hosted_zone_id" {
  description = "Route 53 zone of domain_name, for automatic certificate validation. Empty = validate by hand."
  type        = string
  default     = ""
}

variable "enable_ecr_interface_endpoints" {
  description = "ECR interface endpoints (image pulls skip NAT): ~29 USD/month for two zones. The S3 gateway endpoint is always on (free)."
  type        = bool
  default     = false
}
