# The third step of a transit gateway peering split across units (drslink generate --layout units), in a later
# root of the requester's account and region: the requester's association and static TGW routes, which AWS
# accepts only once the accepter's root has accepted the attachment (the id arrives from that root).
# Resource names match modules/tgw-peering, so state moves keep their addresses.

# As in modules/tgw-peering: skip the association a TGW with default association already made into this table,
# replace one it made into another table, otherwise associate.
data "aws_ec2_transit_gateway" "requester" {
  id = var.requester_transit_gateway_id
}

locals {
  requester_default_association = data.aws_ec2_transit_gateway.requester.default_route_table_association == "enable"
  requester_associate = var.requester_associate_peering_attachment && !(
    local.requester_default_association && data.aws_ec2_transit_gateway.requester.association_default_route_table_id == var.requester_transit_gateway_route_table_id
  )
}

resource "aws_ec2_transit_gateway_route_table_association" "requester" {
  count = local.requester_associate ? 1 : 0

  transit_gateway_attachment_id  = var.peering_attachment_id
  transit_gateway_route_table_id = var.requester_transit_gateway_route_table_id
  replace_existing_association   = local.requester_default_association
}

resource "aws_ec2_transit_gateway_route" "requester_to_accepter" {
  for_each = toset(var.requester_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = var.peering_attachment_id
  transit_gateway_route_table_id = var.requester_transit_gateway_route_table_id
}
