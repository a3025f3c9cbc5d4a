# Resource names match modules/tgw-peering, so a link whose module switches between the two (its gateway
# pair gains or loses the link that owns the peering) keeps its VPC routes under the same addresses.
locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  requester_vpc_routes = {
    for pair in setproduct(var.requester_vpc_route_table_ids, var.accepter_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
  accepter_vpc_routes = {
    for pair in setproduct(var.accepter_vpc_route_table_ids, var.requester_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

# The topology gives TGW, route table and attachment IDs separately; a mistyped one would add routes
# that lead nowhere, so fail the plan instead.
data "aws_ec2_transit_gateway_vpc_attachment" "requester" {
  provider = aws.requester

  id = var.requester_vpc_attachment_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.requester_vpc_id && self.transit_gateway_id == var.requester_transit_gateway_id
      error_message = "Transit gateway attachment ${var.requester_vpc_attachment_id} attaches VPC ${self.vpc_id} to ${self.transit_gateway_id}, not VPC ${var.requester_vpc_id} to ${var.requester_transit_gateway_id}."
    }
  }
}

data "aws_ec2_transit_gateway_vpc_attachment" "accepter" {
  provider = aws.accepter

  id = var.accepter_vpc_attachment_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.accepter_vpc_id && self.transit_gateway_id == var.accepter_transit_gateway_id
      error_message = "Transit gateway attachment ${var.accepter_vpc_attachment_id} attaches VPC ${self.vpc_id} to ${self.transit_gateway_id}, not VPC ${var.accepter_vpc_id} to ${var.accepter_transit_gateway_id}."
    }
  }
}

# A TGW route table holds one route per destination: a second static route to the same CIDR fails with
# RouteAlreadyExists, so the caller passes only the CIDRs no other user of the peering routes in that table.
resource "aws_ec2_transit_gateway_route" "requester_to_accepter" {
  provider = aws.requester
  for_each = toset(var.requester_transit_gateway_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = var.peering_attachment_id
  transit_gateway_route_table_id = var.requester_transit_gateway_route_table_id
}

resource "aws_ec2_transit_gateway_route" "accepter_to_requester" {
  provider = aws.accepter
  for_each = toset(var.accepter_transit_gateway_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = var.peering_attachment_id
  transit_gateway_route_table_id = var.accepter_transit_gateway_route_table_id
}

resource "aws_route" "requester_to_accepter" {
  provider = aws.requester
  for_each = local.requester_vpc_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.destination_cidr_block
  transit_gateway_id     = data.aws_ec2_transit_gateway_vpc_attachment.requester.transit_gateway_id
}

resource "aws_route" "accepter_to_requester" {
  provider = aws.accepter
  for_each = local.accepter_vpc_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.destination_cidr_block
  transit_gateway_id     = data.aws_ec2_transit_gateway_vpc_attachment.accepter.transit_gateway_id
}
