# The first step of a transit gateway peering split across units (drslink generate --layout units), in the
# requester's root: the request and the requester's VPC routes. The accepter's root accepts it
# (modules/tgw-peering-accepter); a later root of the requester's account adds the requester's association and
# static TGW routes (modules/tgw-peering-requester-routes), because AWS refuses a route to a peering attachment
# that is not yet available (https://docs.aws.amazon.com/vpc/latest/tgw/tgw-peering.html).
# Resource names match modules/tgw-peering, so state moves keep their addresses.
locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  requester_vpc_routes = {
    for pair in setproduct(var.requester_vpc_route_table_ids, var.accepter_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

# A mistyped attachment id would build a peering that routes nowhere, so fail the plan instead.
data "aws_ec2_transit_gateway_vpc_attachment" "requester" {
  id = var.requester_vpc_attachment_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.requester_vpc_id && self.transit_gateway_id == var.requester_transit_gateway_id
      error_message = "Transit gateway attachment ${var.requester_vpc_attachment_id} attaches VPC ${self.vpc_id} to ${self.transit_gateway_id}, not VPC ${var.requester_vpc_id} to ${var.requester_transit_gateway_id}."
    }
  }
}

# The peer account is always sent: the accepter side only sees the request when it names the account. Within
# one account (two regions) that is this provider's own account.
data "aws_caller_identity" "current" {}

resource "aws_ec2_transit_gateway_peering_attachment" "this" {
  transit_gateway_id      = data.aws_ec2_transit_gateway_vpc_attachment.requester.transit_gateway_id
  peer_transit_gateway_id = var.accepter_transit_gateway_id
  peer_region             = var.accepter_region
  peer_account_id         = coalesce(var.accepter_account_id, data.aws_caller_identity.current.account_id)

  tags = merge(var.tags, { Name = "${var.name}-tgw-peering" })
}

resource "aws_route" "requester_to_accepter" {
  for_each = local.requester_vpc_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.destination_cidr_block
  transit_gateway_id     = data.aws_ec2_transit_gateway_vpc_attachment.requester.transit_gateway_id
}
