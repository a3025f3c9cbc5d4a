# The VPC a zone is created with, as a resource of its own: when it changes (a region's endpoints move to
# another VPC), the zone is replaced instead of keeping the old VPC behind ignore_changes while a new
# association targets a VPC it is already associated with, which AWS refuses (ConflictingDomainExists,
# API_AssociateVPCWithHostedZone; drslink domain.md section 8). Only a change triggers the replacement:
# roots generated before this resource existed create it and keep their zones.
resource "terraform_data" "home_vpc" {
  input = var.vpc_id
}

resource "aws_route53_zone" "this" {
  name    = var.zone_name
  comment = "drslink: ${var.zone_name} resolved to a private interface endpoint"

  # A private zone needs one VPC association when it is created.
  vpc {
    vpc_id     = var.vpc_id
    vpc_region = var.vpc_region
  }

  # Further VPCs are attached by aws_route53_zone_association (modules/dns-association). Inline vpc
  # blocks are exclusive, so without this every plan would try to detach those VPCs again.
  lifecycle {
    ignore_changes       = [vpc]
    replace_triggered_by = [terraform_data.home_vpc]
  }

  tags = merge(var.tags, { Name = var.zone_name })
}

resource "aws_route53_record" "apex" {
  zone_id = aws_route53_zone.this.zone_id
  name    = var.zone_name
  type    = "A"

  alias {
    name                   = var.alias_dns_name
    zone_id                = var.alias_hosted_zone_id
    evaluate_target_health = false
  }
}

# S3 clients use virtual-hosted bucket names below the zone (aws-drs-clients-<region>.s3.<region>...).
# A private zone that matches a name but has no record for it answers NXDOMAIN and never falls back to
# public DNS, so without this record every bucket name would fail to resolve.
resource "aws_route53_record" "wildcard" {
  count = var.include_wildcard ? 1 : 0

  zone_id = aws_route53_zone.this.zone_id
  name    = "*.${var.zone_name}"
  type    = "A"

  alias {
    name                   = var.alias_dns_name
    zone_id                = var.alias_hosted_zone_id
    evaluate_target_health = false
  }
}
