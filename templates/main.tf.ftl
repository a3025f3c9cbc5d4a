<#import "lib/hcl.ftl" as hcl>
${header}

locals {
  # drslink's own tags come last so every resource can be traced back to this topology.
  tags = merge(var.tags, {
    ManagedBy = "drslink"
    DrslinkTopology = ${topologyName}
  })
<#list locals as l>

  # ${l.comment}
  ${l.name} = ${l.value}
</#list>
}

<@hcl.banner "VPCs named in the topology. drslink creates nothing in them directly; the postconditions stop\n`plan` before anything is created when an id is wrong or the VPC cannot use private hosted zones."/>
<#list vpcBlocks as b>

# tflint-ignore: terraform_unused_declarations # kept for its postconditions and provider even where no module reads these VPCs
data "aws_vpc" "${b.label}" {
  provider = ${b.provider}
  for_each = {
<#list b.instances as v>
    ${v.key} = ${v.value}
</#list>
  }

  id = each.value.id

  lifecycle {
<#noparse>
    postcondition {
      condition     = length(setsubtract(each.value.cidrs, concat([self.cidr_block], self.cidr_block_associations[*].cidr_block))) == 0
      error_message = "VPC ${each.key} (${each.value.id}) has no CIDR block ${join(", ", setsubtract(each.value.cidrs, concat([self.cidr_block], self.cidr_block_associations[*].cidr_block)))}. Fix its id or CIDR in the topology and regenerate."
    }
    postcondition {
      condition     = self.enable_dns_support && self.enable_dns_hostnames
      error_message = "VPC ${each.key} (${each.value.id}) needs enableDnsSupport and enableDnsHostnames: private hosted zones resolve only in VPCs with both."
    }
</#noparse>
  }
}
</#list>
<#list sections as section>

<@hcl.banner section.title/>
<#list section.modules as m>

<@hcl.module m/>
</#list>
</#list>
<#if imports?has_content>

<@hcl.banner "Adopted resources: what exists already is taken over, never created a second time."/>
<#list imports as i>

# ${i.comment}
import {
  to = ${i.to}
  id = ${i.id}
}
</#list>
</#if>
