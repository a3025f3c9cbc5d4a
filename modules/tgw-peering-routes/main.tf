# One link's VPC routes through the transit gateways; the peering of the two gateways and its static routes
# are tgw-peering's, shared by every link of the pair, so adding or removing a link touches only its own.
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
