# The second step of a transit gateway peering split across units (drslink generate --layout units), in the
# accepter's root: it accepts the attachment the requester's root made (modules/tgw-peering-requester; the id
# arrives as an input), associates it and adds the accepter's static TGW routes; each link's VPC routes are in
# modules/tgw-peering-routes-*. Resource names match modules/tgw-peering, so state moves keep their addresses.

resource "aws_ec2_transit_gateway_peering_attachment_accepter" "this" {
  transit_gateway_attachment_id = var.peering_attachment_id

  tags = merge(var.tags, { Name = "${var.name}-tgw-peering" })
}

# As in modules/tgw-peering: skip the association a TGW with default association already made into this table,
# replace one it made into another table, otherwise associate.
data "aws_ec2_transit_gateway" "accepter" {
  id = var.accepter_transit_gateway_id
}

locals {
  accepter_default_association = data.aws_ec2_transit_gateway.accepter.default_route_table_association == "enable"
  accepter_associate = var.accepter_associate_peering_attachment && !(
    local.accepter_default_association && data.aws_ec2_transit_gateway.accepter.association_default_route_table_id == var.accepter_transit_gateway_route_table_id
  )
}

resource "aws_ec2_transit_gateway_route_table_association" "accepter" {
  count = local.accepter_associate ? 1 : 0

  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.accepter_transit_gateway_route_table_id
  replace_existing_association   = local.accepter_default_association
}

# Peering attachments do not propagate routes: static routes to the requester's CIDRs, once accepted.
resource "aws_ec2_transit_gateway_route" "accepter_to_requester" {
  for_each = toset(var.accepter_route_cidrs)

  destination_cidr_block         = each.value
  transit_gateway_attachment_id  = aws_ec2_transit_gateway_peering_attachment_accepter.this.transit_gateway_attachment_id
  transit_gateway_route_table_id = var.accepter_transit_gateway_route_table_id
}
