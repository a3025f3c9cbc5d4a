# The accepter's half of a VPC peering, for a root that holds only the accepter's account and region
# (drslink generate --layout units): it accepts the request the requester's root made
# (modules/vpc-peering-requester) and adds the accepter's routes. The connection id arrives as an input;
# the accepter's own credentials can accept it:
# https://docs.aws.amazon.com/vpc/latest/peering/accept-vpc-peering-connection.html
# Resource names match modules/vpc-peering, so state moves keep their addresses.
locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  accepter_routes = {
    for pair in setproduct(var.accepter_route_table_ids, var.requester_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

resource "aws_vpc_peering_connection_accepter" "this" {
  vpc_peering_connection_id = var.peering_connection_id
  auto_accept               = true

  tags = merge(var.tags, { Name = "${var.name}-peering" })
}

# Routes take the connection ID from the accepter, so they are created only once the peering is active.
resource "aws_route" "accepter_to_requester" {
  for_each = local.accepter_routes

  route_table_id            = each.value.route_table_id
  destination_cidr_block    = each.value.destination_cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.this.vpc_peering_connection_id
}
