# The zone owner's half of a cross-account zone association, for a root that holds only the zone
# owner's account (drslink generate --layout units). The VPC owner's root associates the VPC afterwards
# with modules/dns-association-vpc-owner; AWS requires the authorization first:
# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/hosted-zone-private-associate-vpcs-different-accounts.html
# Resource names match modules/dns-association, so state moves keep their addresses.
resource "aws_route53_vpc_association_authorization" "this" {
  for_each = var.zone_ids

  zone_id    = each.value
  vpc_id     = var.vpc_id
  vpc_region = var.vpc_region
}
