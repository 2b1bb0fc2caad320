# The three image repositories exist before the first build. scripts/destroy.sh deletes them (the
# document's step 5) and scripts/ensure-ecr-repository.sh re-creates a missing one at build time with the
# same settings, reading the same lifecycle policy file, so a deploy after a destroy works.

resource "aws_ecr_repository" "image" {
  for_each = local.repositories

  name = each.key
  # IMMUTABLE: a tag (git SHA, or the database content hash) always names the same image; no `latest`.
  image_tag_mutability = "IMMUTABLE"
  force_delete         = true

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "image" {
  for_each = aws_ecr_repository.image

  repository = each.value.name
  policy     = templatefile("${path.module}/ecr-lifecycle-policy.json.tftpl", { keep_images = var.ecr_keep_images })
}
