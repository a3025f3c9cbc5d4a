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
