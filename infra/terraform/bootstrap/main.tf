data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition

  # Kept on destroy: scripts/destroy.sh and the final leftovers check skip anything with Stack=bootstrap.
  tags = {
    Project   = var.project
    Stack     = "bootstrap"
    ManagedBy = "terraform"
  }

  # Bucket names are global: the account id keeps ours unique without a random suffix (no random provider).
  state_bucket = "${var.project}-terraform-state-${local.account_id}"
  lock_table   = "${var.project}-terraform-locks"
  state_key    = "${var.project}/eks/terraform.tfstate"

  repositories = toset(["${var.project}-frontend", "${var.project}-backend", "${var.project}-database"])
}
