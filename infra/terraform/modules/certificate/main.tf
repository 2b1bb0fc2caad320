# Optional HTTPS: an ACM certificate for domain_name. scripts/deploy.sh hands its ARN to the frontend
# Service's NLB annotations, which adds a TLS listener on 443 in front of the same 8080 target.

locals {
  enabled       = var.domain_name != ""
  validate_here = local.enabled && var.hosted_zone_id != ""
}

resource "aws_acm_certificate" "this" {
  count = local.enabled ? 1 : 0

  domain_name       = var.domain_name
  validation_method = "DNS"

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = local.validate_here ? {
    for o in aws_acm_certificate.this[0].domain_validation_options : o.domain_name => o
  } : {}

  zone_id         = var.hosted_zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  count = local.validate_here ? 1 : 0

  certificate_arn         = aws_acm_certificate.this[0].arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}
