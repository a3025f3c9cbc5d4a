# The requester's half of a VPC peering, for a root that holds only the requester's account and region
# (drslink generate --layout units): the request and the requester's routes. The accepter's root accepts
# it afterwards (modules/vpc-peering-accepter); the request is visible to both accounts:
# https://docs.aws.amazon.com/vpc/latest/peering/vpc-peering-basics.html#vpc-peering-lifecycle
# Resource names match modules/vpc-peering, so state moves keep their addresses.
locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  requester_routes = {
    for pair in setproduct(var.requester_route_table_ids, var.accepter_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

# With peer_region set AWS never accepts the request on its own (auto_accept must be false).
resource "aws_vpc_peering_connection" "this" {
  vpc_id        = var.requester_vpc_id
  peer_vpc_id   = var.accepter_vpc_id
  peer_region   = var.accepter_region
  peer_owner_id = var.accepter_account_id
  auto_accept   = false

  tags = merge(var.tags, { Name = "${var.name}-peering" })
}

# A route to a peering that is still pending acceptance can be created; it carries traffic once the
# accepter's root has accepted the connection (the engines apply that root next).
resource "aws_route" "requester_to_accepter" {
  for_each = local.requester_routes

  route_table_id            = each.value.route_table_id
  destination_cidr_block    = each.value.destination_cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.this.id
}
