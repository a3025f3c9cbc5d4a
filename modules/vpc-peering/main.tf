locals {
  # Keyed "rtb|cidr" so that adding a route table or a CIDR never re-addresses the other routes.
  requester_routes = {
    for pair in setproduct(var.requester_route_table_ids, var.accepter_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
  accepter_routes = {
    for pair in setproduct(var.accepter_route_table_ids, var.requester_cidrs) :
    "${pair[0]}|${pair[1]}" => { route_table_id = pair[0], destination_cidr_block = pair[1] }
  }
}

# With peer_region set AWS never accepts the request on its own (auto_accept must be false), even in one
# account; the accepter resource below accepts it with the accepter's credentials and region.
resource "aws_vpc_peering_connection" "this" {
  provider = aws.requester

  vpc_id        = var.requester_vpc_id
  peer_vpc_id   = var.accepter_vpc_id
  peer_region   = var.accepter_region
  peer_owner_id = var.accepter_account_id
  auto_accept   = false

  tags = merge(var.tags, { Name = "${var.name}-peering" })
}

resource "aws_vpc_peering_connection_accepter" "this" {
  provider = aws.accepter

  vpc_peering_connection_id = aws_vpc_peering_connection.this.id
  auto_accept               = true

  tags = merge(var.tags, { Name = "${var.name}-peering" })
}

# Routes take the connection ID from the accepter, not the requester, so that they are created only
# after the peering is active; until then a route to it carries no traffic.
resource "aws_route" "requester_to_accepter" {
  provider = aws.requester
  for_each = local.requester_routes

  route_table_id            = each.value.route_table_id
  destination_cidr_block    = each.value.destination_cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.this.vpc_peering_connection_id
}

resource "aws_route" "accepter_to_requester" {
  provider = aws.accepter
  for_each = local.accepter_routes

  route_table_id            = each.value.route_table_id
  destination_cidr_block    = each.value.destination_cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection_accepter.this.vpc_peering_connection_id
}
