# The requester's side of modules/tgw-peering-routes, for a root that holds only the requester's account and region
# (drslink generate --layout units): static TGW routes and VPC routes over a peering another link owns. The
# attachment id arrives from the root that accepted that peering, so these routes come after the acceptance.
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

# A TGW route table holds one route per destination, so the caller passes only the CIDRs no other user of the
# peering routes in that table.
resource "aws_ec2_transit_gateway_route" "requester_to_accepter" {
  for_each = toset(var.transit_gateway_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = var.peering_attachment_id
  transit_gateway_route_table_id = var.transit_gateway_route_table_id
}

resource "aws_route" "requester_to_accepter" {
  for_each = local.requester_vpc_routes

  route_table_id         = each.value.route_table_id
  destination_cidr_block = each.value.destination_cidr_block
  transit_gateway_id     = data.aws_ec2_transit_gateway_vpc_attachment.requester.transit_gateway_id
}
