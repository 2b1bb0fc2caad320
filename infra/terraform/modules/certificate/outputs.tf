output "certificate_arn" {
  description = "ARN of the certificate, empty without a domain. Validated already when a hosted zone was given."
  value       = local.validate_here ? aws_acm_certificate_validation.this[0].certificate_arn : try(aws_acm_certificate.this[0].arn, "")
}

output "validation_records" {
  description = "DNS records to create by hand when no hosted zone was given."
  value       = local.enabled ? [for o in aws_acm_certificate.this[0].domain_validation_options : { name = o.resource_record_name, type = o.resource_record_type, value = o.resource_record_value }] : []
}
