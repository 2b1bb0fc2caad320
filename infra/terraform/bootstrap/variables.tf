variable "region" {
  description = "AWS region of the state bucket, the ECR repositories and the main stack."
  type        = string
  default     = "us-east-1"
}

variable "project" {
  description = "Name prefix of every resource; the Kubernetes namespace and ECR repositories use it too."
  type        = string
  default     = "proyecto06"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.project))
    error_message = "project must be 3-21 lowercase letters, digits or dashes, starting with a letter."
  }
}

# No usable default exists: a guessed owner/name would let a stranger's repository assume the CI roles.
# The empty default fails the validation below with a clear message instead.
variable "github_repository" {
  description = "GitHub repository (owner/name) whose workflows may assume the CI roles, e.g. acme/proyecto06."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "Set github_repository to the repository that runs the workflows, as owner/name."
  }
}

variable "deploy_environment" {
  description = "GitHub environment of the deploy-to-eks job; only that environment may assume the deploy role."
  type        = string
  default     = "production"
}

variable "destroy_environment" {
  description = "GitHub environment (with required reviewers) of the destroy workflow; only it may assume the destroy role."
  type        = string
  default     = "destroy"
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub Actions OIDC provider. Set false when another stack already made it (one per account)."
  type        = bool
  default     = true
}

variable "ecr_keep_images" {
  description = "How many git-SHA-tagged images each ECR repository keeps (older ones expire)."
  type        = number
  default     = 30
}

variable "state_noncurrent_days" {
  description = "Days an overwritten state version stays recoverable in the versioned bucket."
  type        = number
  default     = 90
}
