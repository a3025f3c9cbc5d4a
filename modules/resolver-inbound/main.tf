# Route 53 Resolver inbound endpoint: on-premises DNS servers forward the DRS and S3 names to its
# addresses and get the private answers of the zones associated with this VPC. Forwarding to the VPC's
# own resolver (VPC+2) from outside is not supported.
# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/resolver-forwarding-inbound-queries.html
# Each address is an ENI billed per hour (about $0.125 per ENI-hour; drslink domain.md section 9).

locals {
  # AWS refuses a security group name that begins with "sg-", and a topology name may ("sg-to-sydney"),
  # so the group name opens with a fixed word. The Name tag has no such rule and keeps the house form.
  group_name = "drslink-${var.name}-resolver-inbound"

  # One rule per CIDR and protocol, keyed "<protocol>|<cidr>" so that adding a CIDR adds two rules and
  # re-creates none.
  dns_rules = {
    for pair in setproduct(["tcp", "udp"], var.dns_ingress_cidrs) : "${pair[0]}|${pair[1]}" => {
      protocol = pair[0]
      cidr     = pair[1]
    }
  }
}

resource "aws_security_group" "this" {
  name        = local.group_name
  description = "DNS from on-premises resolvers to the Route 53 Resolver inbound endpoint"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-resolver-inbound" })
}

# AWS: the endpoint's security group must allow TCP and UDP 53 in from the forwarding resolvers.
# No egress rules: rules that name source CIDRs make connections tracked, so answers leave without one
# (tracked connections cap an endpoint at about 1500 queries per second per address; see
# https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/best-practices-resolver-endpoint-scaling.html).
resource "aws_vpc_security_group_ingress_rule" "dns" {
  for_each = local.dns_rules

  security_group_id = aws_security_group.this.id
  description       = "DNS over ${upper(each.value.protocol)} from ${each.value.cidr}"
  cidr_ipv4         = each.value.cidr
  ip_protocol       = each.value.protocol
  from_port         = 53
  to_port           = 53

  tags = merge(var.tags, { Name = "${var.name}-resolver-inbound-dns-${each.value.protocol}" })
}

# One address per subnet, chosen by AWS from the subnet's free addresses. Adding a subnet associates
# one more address and keeps the others (the plan shows the existing ip_address blocks as removed and
# added because the set is hashed with the address, but apply associates only the new subnet), so the
# conditional forwarders written from the output stay valid; removing a subnet drops its address.
resource "aws_route53_resolver_endpoint" "this" {
  # An endpoint name holds at most 64 characters, and "<topology>-<vpc>" can be 72; the name only helps
  # find the endpoint in the console, so the prefix is cut and the purpose kept.
  name               = "${substr(var.name, 0, 47)}-resolver-inbound"
  direction          = "INBOUND"
  security_group_ids = [aws_security_group.this.id]

  dynamic "ip_address" {
    for_each = var.subnet_ids

    content {
      subnet_id = ip_address.value
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-resolver-inbound" })
}
