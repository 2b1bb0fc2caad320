variable "name" {
  description = "Name prefix of the network resources (the cluster name)."
  type        = string
  default     = "proyecto06"
}

variable "cluster_name" {
  description = "EKS cluster whose load balancers and nodes use these subnets (for the kubernetes.io/cluster tag)."
  type        = string
  default     = "proyecto06"
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC."
  type        = string
  default     = "10.0.0.0/16"
}

variable "public_subnet_cidrs" {
  description = "Public subnets (load balancers, NAT gateways), one per availability zone, in zone order."
  type        = list(string)
  default     = ["10.0.0.0/24", "10.0.1.0/24"]
}

variable "private_subnet_cidrs" {
  description = "Private subnets (nodes, pods), one per availability zone, in zone order."
  type        = list(string)
  default     = ["10.0.2.0/24", "10.0.3.0/24"]

  validation {
    condition     = length(var.private_subnet_cidrs) >= 2
    error_message = "EKS needs subnets in at least two availability zones."
  }
}

variable "availability_zones" {
  description = "Availability zones, one per subnet pair. Empty = the region's first zones."
  type        = list(string)
  default     = []
}

variable "nat_gateway_per_az" {
  description = "One NAT gateway per availability zone (survives a zone outage, costs more) instead of a single shared one."
  type        = bool
  default     = false
}

variable "enable_ecr_interface_endpoints" {
  description = "Interface endpoints for ECR (ecr.api, ecr.dkr): image pulls skip NAT, ~29 USD/month for two zones (see endpoints.tf)."
  type        = bool
  default     = false
}
