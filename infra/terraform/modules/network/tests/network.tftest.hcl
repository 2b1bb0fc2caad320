# The design's network, proven on a mocked provider (no AWS calls): CIDRs, two zones, NAT per variable.

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"
}

run "design_cidrs_in_two_zones" {
  command = plan

  assert {
    condition     = aws_vpc.this.cidr_block == "10.0.0.0/16" && aws_vpc.this.enable_dns_hostnames
    error_message = "The VPC is 10.0.0.0/16 with DNS host names (EKS nodes register by them)."
  }
  assert {
    condition     = aws_subnet.public[*].cidr_block == ["10.0.0.0/24", "10.0.1.0/24"]
    error_message = "Public subnets are 10.0.0.0/24 and 10.0.1.0/24."
  }
  assert {
    condition     = aws_subnet.private[*].cidr_block == ["10.0.2.0/24", "10.0.3.0/24"]
    error_message = "Private subnets are 10.0.2.0/24 and 10.0.3.0/24."
  }
  assert {
    condition     = aws_subnet.private[*].availability_zone == ["us-east-1a", "us-east-1b"] && aws_subnet.public[*].availability_zone == ["us-east-1a", "us-east-1b"]
    error_message = "One public and one private subnet in each of two zones."
  }
  assert {
    condition     = alltrue([for s in aws_subnet.public : s.tags["kubernetes.io/role/elb"] == "1" && s.tags["kubernetes.io/cluster/proyecto06"] == "shared" && !s.map_public_ip_on_launch])
    error_message = "Public subnets carry the ELB role and cluster tags and hand out no public IPs."
  }
  assert {
    condition     = alltrue([for s in aws_subnet.private : s.tags["kubernetes.io/role/internal-elb"] == "1" && s.tags["kubernetes.io/cluster/proyecto06"] == "shared"])
    error_message = "Private subnets carry the internal-ELB role and cluster tags."
  }
  assert {
    condition     = aws_route.public_internet.destination_cidr_block == "0.0.0.0/0" && length(aws_route_table_association.public) == 2
    error_message = "Both public subnets route to the internet gateway."
  }
  assert {
    condition     = length(aws_route.private_nat) == 2 && length(aws_route_table_association.private) == 2
    error_message = "Each private subnet has its own route table with a NAT default route."
  }
}

run "one_nat_gateway_by_default" {
  command = plan

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_eip.nat) == 1 && output.nat_gateway_count == 1
    error_message = "A single NAT gateway (and address) by default."
  }
}

# apply (on the mock) so that resource IDs exist and routes can be matched to gateways.
run "one_nat_gateway_per_zone_when_asked" {
  command = apply

  variables {
    nat_gateway_per_az = true
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 2 && length(aws_eip.nat) == 2
    error_message = "nat_gateway_per_az = true makes one NAT gateway per zone."
  }
  assert {
    condition     = [for r in aws_route.private_nat : r.nat_gateway_id] == aws_nat_gateway.this[*].id && aws_nat_gateway.this[*].subnet_id == aws_subnet.public[*].id
    error_message = "Each zone's private route goes through that zone's NAT gateway, which sits in that zone's public subnet."
  }
}

run "explicit_zones_are_used" {
  command = plan

  variables {
    availability_zones = ["eu-west-1b", "eu-west-1c"]
  }

  assert {
    condition     = aws_subnet.private[*].availability_zone == ["eu-west-1b", "eu-west-1c"]
    error_message = "availability_zones overrides the region's zone list."
  }
}

run "one_zone_is_refused" {
  command = plan

  variables {
    private_subnet_cidrs = ["10.0.2.0/24"]
  }

  expect_failures = [var.private_subnet_cidrs]
}

run "s3_gateway_endpoint_always_ecr_interface_endpoints_on_request" {
  command = plan

  assert {
    condition     = aws_vpc_endpoint.s3.vpc_endpoint_type == "Gateway" && aws_vpc_endpoint.s3.service_name == "com.amazonaws.us-east-1.s3" && length(aws_vpc_endpoint.s3.route_table_ids) == 2
    error_message = "The free S3 gateway endpoint serves both private route tables."
  }
  assert {
    condition     = length(aws_vpc_endpoint.ecr) == 0
    error_message = "ECR interface endpoints cost money: off unless asked for."
  }
}

run "ecr_interface_endpoints_when_enabled" {
  command = plan

  variables {
    enable_ecr_interface_endpoints = true
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.ecr)) == toset(["ecr.api", "ecr.dkr"]) && alltrue([for e in aws_vpc_endpoint.ecr : e.private_dns_enabled && e.vpc_endpoint_type == "Interface"])
    error_message = "ecr.api and ecr.dkr interface endpoints with private DNS."
  }
}
