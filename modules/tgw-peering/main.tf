# One peering per pair of transit gateways, whatever the number of links between their VPCs: AWS would
# accept a second attachment, but each route table holds one route per destination, and the attachment is
# associated with one route table per transit gateway. The VPC routes of each link are in tgw-peering-routes.

# A mistyped transit gateway id fails the plan here, before anything is created.
data "aws_ec2_transit_gateway" "requester" {
  provider = aws.requester

  id = var.requester_transit_gateway_id
}

data "aws_ec2_transit_gateway" "accepter" {
  provider = aws.accepter

  id = var.accepter_transit_gateway_id
}

# The peer account is always sent, even within one account: the accepter side only sees the request
# when it names the account (moto, like AWS's API, mirrors the attachment to the peer by account id).
data "aws_caller_identity" "accepter" {
  provider = aws.accepter
}

resource "aws_ec2_transit_gateway_peering_attachment" "this" {
  provider = aws.requester

  transit_gateway_id      = data.aws_ec2_transit_gateway.requester.id
  peer_transit_gateway_id = data.aws_ec2_transit_gateway.accepter.id
  peer_region             = var.accepter_region
  peer_account_id         = coalesce(var.accepter_account_id, data.aws_caller_identity.accepter.account_id)

  tags = merge(var.tags, { Name = "${var.name}-tgw-peering" })
}

resource "aws_ec2_transit_gateway_peering_attachment_accepter" "this" {
  provider = aws.accepter

  transit_gateway_attachment_id = aws_ec2_transit_gateway_peering_attachment.this.id

  tags = merge(var.tags, { Name = "${var.name}-tgw-peering" })
}

# Traffic that arrives over the peering is routed by the one route table the peering attachment is
# associated with on each TGW ("You can associate only one route table with an attachment":
# AssociateTransitGatewayRouteTable, EC2 API reference). A peering attachment has no route table until one
# is associated, except that a TGW with default route table association enabled associates it with its
# default association route table on its own ("Whether resource attachments are automatically associated
# with the default association route table": default_route_table_association, aws_ec2_transit_gateway
# docs; https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html). An explicit association of an
# attachment that already has one fails with Resource.AlreadyAssociated
# (hashicorp/terraform-provider-aws#16452), so each side reads its TGW's options at plan time:
# - default association into the given table: AWS has done it; nothing is created, and a root applied
#   before drslink associated explicitly sees no change;
# - default association into another table: replace_existing_association disassociates that one first
#   (aws_ec2_transit_gateway_route_table_association docs; added by hashicorp/terraform-provider-aws#31452);
# - default association off: a plain association.
locals {
  requester_default_association = data.aws_ec2_transit_gateway.requester.default_route_table_association == "enable"
  accepter_default_association  = data.aws_ec2_transit_gateway.accepter.default_route_table_association == "enable"

  requester_associate = var.requester_associate_peering_attachment && !(
    local.requester_default_association && data.aws_ec2_transit_gateway.requester.association_default_route_table_id == var.requester_transit_gateway_route_table_id
  )
  accepter_associate = var.accepter_associate_peering_attachment && !(
    local.accepter_default_association && data.aws_ec2_transit_gateway.accepter.association_default_route_table_id == var.accepter_transit_gateway_route_table_id
  )
}

resource "aws_ec2_transit_gateway_route_table_association" "requester" {
  provider = aws.requester
  count    = local.requester_associate ? 1 : 0

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.requester_transit_gateway_route_table_id
  replace_existing_association   = local.requester_default_association
}

resource "aws_ec2_transit_gateway_route_table_association" "accepter" {
  provider = aws.accepter
  count    = local.accepter_associate ? 1 : 0

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.accepter_transit_gateway_route_table_id
  replace_existing_association   = local.accepter_default_association
}

# Peering attachments do not propagate routes, so each side needs static routes to the peer's CIDRs: one
# per route table and destination for every link of the pair (a second one for the same destination fails
# with RouteAlreadyExists), keyed by CIDR so that a link added or removed touches only its own CIDRs. The
# attachment ID comes from the accepter: AWS refuses routes to an attachment that is not yet available.
resource "aws_ec2_transit_gateway_route" "requester_to_accepter" {
  provider = aws.requester
  for_each = toset(var.requester_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.requester_transit_gateway_route_table_id
}

resource "aws_ec2_transit_gateway_route" "accepter_to_requester" {
  provider = aws.accepter
  for_each = toset(var.accepter_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.accepter_transit_gateway_route_table_id
}
