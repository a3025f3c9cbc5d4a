<#-- Blocks that repeat across the root's files. Values arrive already rendered by HclExpressions. -->
<#macro banner text>
# ------------------------------------------------------------------------------------------------
<#list text?split("\n") as line>
# ${line}
</#list>
# ------------------------------------------------------------------------------------------------
</#macro>

<#macro module m>
# ${m.comment}
module "${m.label}" {
  source = "${m.source}"
<#if m.instances?has_content>
  for_each = {
<#list m.instances as i>
    # ${i.comment}
    ${i.key} = {
<#list i.arguments as a>
      ${a.name} = ${a.value}
</#list>
    }
</#list>
  }
</#if>
  providers = {
<#list m.providers as p>
    ${p.name} = ${p.ref}
</#list>
  }

<#list m.arguments as a>
  ${a.name} = ${a.value}
</#list>
}
</#macro>
