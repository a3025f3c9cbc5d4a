# The VPC owner's half of a cross-account zone association, for a root that holds only the VPC owner's
# account (drslink generate --layout units). It runs after the zone owner's root has authorized the VPC
# (modules/dns-association-zone-owner); the zone ids arrive as inputs, not from the zone owner's account:
# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html
# Resource names match modules/dns-association, so state moves keep their addresses.
resource "aws_route53_zone_association" "this" {
  for_each = var.zone_ids

  zone_id    = each.value
  vpc_id     = var.vpc_id
  vpc_region = var.vpc_region
}
