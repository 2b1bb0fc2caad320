# Optional HTTPS on a mocked provider.

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"

  mock_resource "aws_acm_certificate" {
    defaults = {
      arn = "arn:aws:acm:us-east-1:123456789012:certificate/mocked"
      domain_validation_options = [{
        domain_name           = "app.example.com"
        resource_record_name  = "_x.app.example.com."
        resource_record_type  = "CNAME"
        resource_record_value = "_y.acm-validations.aws."
      }]
    }
  }
}

run "no_domain_no_certificate" {
  command = plan

  assert {
    condition     = length(aws_acm_certificate.this) == 0 && output.certificate_arn == ""
    error_message = "HTTPS is off without a domain."
  }
}

run "domain_with_zone_is_validated_by_terraform" {
  command = plan

  variables {
    domain_name    = "app.example.com"
    hosted_zone_id = "Z0000000000000000000"
  }

  assert {
    condition     = aws_acm_certificate.this[0].domain_name == "app.example.com" && aws_acm_certificate.this[0].validation_method == "DNS"
    error_message = "A DNS-validated certificate for the domain."
  }
  assert {
    condition     = length(aws_acm_certificate_validation.this) == 1 && length(aws_route53_record.validation) == 1
    error_message = "With a hosted zone the validation record and wait are created."
  }
}

run "domain_without_zone_outputs_records_to_add" {
  command = plan

  variables {
    domain_name = "app.example.com"
  }

  assert {
    condition     = length(aws_acm_certificate_validation.this) == 0 && output.validation_records[0].type == "CNAME"
    error_message = "Without a hosted zone the records to add by hand are an output."
  }
}
