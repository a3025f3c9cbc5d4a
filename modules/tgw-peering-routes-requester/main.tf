# The requester's side of modules/tgw-peering-routes, for a root that holds only the requester's account and region
# (drslink generate --layout units): one link's VPC routes through its transit gateway. The peering of the two
# gateways and its static routes are modules/tgw-peering-requester, -accepter and -requester-routes.
# Resource names match modules/tgw-peering-routes, so state moves keep their addresses.
locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  requester_vpc_routes = {
    for pair in setproduct(var.vpc_route_table_ids, var.peer_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

# A mistyped attachment id would add routes that lead nowhere, so fail the plan instead.
data "aws_ec2_transit_gateway_vpc_attachment" "requester" {
  id = var.vpc_attachment_id

  lifecycle {
    postcondition {
      condition     = self.vpc_id == var.vpc_id && self.transit_gateway_id == var.transit_gateway_id
      error_message = "Transit gateway attachment ${var.vpc_attachment_id} attaches VPC ${self.vpc_id} to ${self.transit_gateway_id}, not VPC ${var.vpc_id} to ${var.transit_gateway_id}."
    }
  }
}

resource "aws_route" "requester_to_accepter" {
  for_each = local.requester_vpc_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.destination_cidr_block
  transit_gateway_id     = data.aws_ec2_transit_gateway_vpc_attachment.requester.transit_gateway_id
}
