# Associating a VPC with a private zone owned by another account takes two calls in two accounts:
# 1. the zone's account authorizes the VPC (CreateVPCAssociationAuthorization, one per zone and VPC);
# 2. the VPC's account associates it (AssociateVPCWithHostedZone).
# AWS suggests deleting the authorization afterwards (that does not affect the association). It is kept
# here: removing it would take a second apply, and keeping it lets a lost association be re-created.
resource "aws_route53_vpc_association_authorization" "this" {
  provider = aws.zone_owner
  for_each = var.cross_account ? var.zone_ids : {}

  zone_id    = each.value
  vpc_id     = var.vpc_id
  vpc_region = var.vpc_region
}

resource "aws_route53_zone_association" "this" {
  provider = aws.vpc_owner
  for_each = var.zone_ids

  zone_id    = each.value
  vpc_id     = var.vpc_id
  vpc_region = var.vpc_region

  depends_on = [aws_route53_vpc_association_authorization.this]
}
