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
    ignore_changes = [vpc]
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
