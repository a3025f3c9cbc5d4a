# The first step of a transit gateway peering split across units (drslink generate --layout units), in the
# requester's root: the request. The accepter's root accepts it (modules/tgw-peering-accepter); a later root of
# the requester's account adds the requester's association and static TGW routes
# (modules/tgw-peering-requester-routes), because AWS refuses a route to a peering attachment that is not yet
# available (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html).
# Resource names match modules/tgw-peering, so state moves keep their addresses.

# The peer account is always sent: the accepter side only sees the request when it names the account. Within
# one account (two regions) that is this provider's own account.
data "aws_caller_identity" "current" {}

resource "aws_ec2_transit_gateway_peering_attachment" "this" {
  transit_gateway_id      = var.requester_transit_gateway_id
  peer_transit_gateway_id = var.accepter_transit_gateway_id
  peer_region             = var.accepter_region
  peer_account_id         = coalesce(var.accepter_account_id, data.aws_caller_identity.current.account_id)

  tags = merge(var.tags, { Name = "${var.name}-tgw-peering" })
}
