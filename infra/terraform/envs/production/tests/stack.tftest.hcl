# The main stack's wiring on a mocked provider: defaults give the design's topology, the CI roles are the
# cluster's admins, and the outputs the deploy script reads are there (with no secret value among them).

mock_provider "aws" {
  override_during = plan
  source          = "../../tests/aws-mock"
}

run "defaults_build_the_design" {
  command = plan

  assert {
    condition     = module.network.vpc_cidr == "10.0.0.0/16" && length(module.network.public_subnet_ids) == 2 && length(module.network.private_subnet_ids) == 2
    error_message = "The default stack has the design's VPC with 2 public and 2 private subnets."
  }
  assert {
    condition     = module.network.nat_gateway_count == 1
    error_message = "One NAT gateway by default."
  }
  assert {
    condition     = output.cluster_name == "proyecto06" && output.region == "us-east-1"
    error_message = "Cluster proyecto06 in us-east-1."
  }
  assert {
    condition     = output.ci_role_arns == { deploy = "arn:aws:iam::123456789012:role/proyecto06-ci-deploy", destroy = "arn:aws:iam::123456789012:role/proyecto06-ci-destroy" }
    error_message = "The CI roles named by the bootstrap are the cluster admins."
  }
  assert {
    condition     = toset(module.eks.admin_principal_arns) == toset(values(output.ci_role_arns))
    error_message = "Exactly the CI roles get access entries by default."
  }
  assert {
    condition     = output.ecr_repository_urls.backend == "123456789012.dkr.ecr.us-east-1.amazonaws.com/proyecto06-backend" && length(output.ecr_repository_urls) == 3
    error_message = "ECR URLs of the three design repositories."
  }
  assert {
    condition     = output.certificate_arn == ""
    error_message = "No certificate without a domain."
  }
}

run "extra_admins_and_zone_redundant_nat" {
  command = plan

  variables {
    cluster_admin_arns = ["arn:aws:iam::123456789012:role/platform-admin"]
    nat_gateway_per_az = true
  }

  assert {
    condition     = length(module.eks.admin_principal_arns) == 3 && contains(module.eks.admin_principal_arns, "arn:aws:iam::123456789012:role/platform-admin")
    error_message = "cluster_admin_arns adds admins next to the CI roles."
  }
  assert {
    condition     = module.network.nat_gateway_count == 2
    error_message = "nat_gateway_per_az passes through to the network."
  }
}

run "node_group_minimum_is_two" {
  command = plan

  variables {
    node_min_size = 1
  }

  expect_failures = [var.node_min_size]
}
