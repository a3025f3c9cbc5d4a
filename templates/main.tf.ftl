<#import "lib/hcl.ftl" as hcl>
${header}

locals {
  # drslink's own tags come last so every resource can be traced back to this topology.
  tags = merge(var.tags, {
    ManagedBy = "drslink"
    DrslinkTopology = ${topologyName}
  })
}

<@hcl.banner "VPCs named in the topology. drslink creates nothing in them directly; the postconditions stop\n`plan` before anything is created when an id is wrong or the VPC cannot use private hosted zones."/>
<#list vpcs as v>

data "aws_vpc" "${v.label}" {
  provider = ${v.provider}
  id = ${v.id}

  lifecycle {
<#list v.cidrChecks as check>
    postcondition {
      condition = contains(concat([self.cidr_block], self.cidr_block_associations[*].cidr_block), ${check.cidr})
      error_message = ${check.message}
    }
</#list>
    postcondition {
      condition = self.enable_dns_support && self.enable_dns_hostnames
      error_message = ${v.dnsMessage}
    }
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
