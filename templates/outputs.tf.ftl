${header}
<#list outputs as o>

output "${o.name}" {
  description = ${o.description}
  value = ${o.value}
}
</#list>
