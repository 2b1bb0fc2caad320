# VPC endpoints. The S3 gateway endpoint is free and keeps S3 traffic of the private subnets (ECR image
# layers are served from S3; database backups) off the NAT gateway and its 0.045 USD/GB.
# ECR's interface endpoints (ecr.api, ecr.dkr) would take the remaining pull traffic off NAT too, but
# cost ~0.01 USD/h each per zone: 2 endpoints x 2 zones ~ 29 USD/month plus 0.01 USD/GB. Worth it only
# when image pulls through NAT cost more than that: enable_ecr_interface_endpoints.

data "aws_region" "current" {}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = aws_route_table.private[*].id
  tags              = { Name = "${var.name}-s3" }
}

resource "aws_security_group" "endpoints" {
  count = var.enable_ecr_interface_endpoints ? 1 : 0

  name        = "${var.name}-vpc-endpoints"
  description = "HTTPS from the VPC to its interface endpoints"
  vpc_id      = aws_vpc.this.id
}

resource "aws_vpc_security_group_ingress_rule" "endpoints" {
  count = var.enable_ecr_interface_endpoints ? 1 : 0

  security_group_id = aws_security_group.endpoints[0].id
  description       = "HTTPS from the VPC"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.vpc_cidr
}

resource "aws_vpc_endpoint" "ecr" {
  for_each = var.enable_ecr_interface_endpoints ? toset(["ecr.api", "ecr.dkr"]) : toset([])

  vpc_id              = aws_vpc.this.id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.${each.key}"
  vpc_endpoint_type   = "Interface"
  subnet_ids          = aws_subnet.private[*].id
  security_group_ids  = [aws_security_group.endpoints[0].id]
  private_dns_enabled = true
  tags                = { Name = "${var.name}-${each.key}" }
}
