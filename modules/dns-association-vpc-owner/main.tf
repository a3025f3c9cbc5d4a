# The association half of a zone association (drslink generate --layout units). Across accounts it runs in
# the VPC owner's root, after the zones' account authorized the VPC (modules/dns-association-zone-owner), with
# the zone ids as inputs, not read from the zones' account:
# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html
# Within one account the zones' own root runs it for a VPC of another region: Route 53 is global and the
# association names the VPC's region.
# Resource names match modules/dns-association, so state moves keep their addresses.
resource "aws_route53_zone_association" "this" {
  for_each = var.zone_ids

  zone_id    = each.value
  vpc_id     = var.vpc_id
  vpc_region = var.vpc_region
}
