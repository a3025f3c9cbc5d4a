<#import "lib/hcl.ftl" as hcl>
${header}

<@hcl.banner "Where earlier drslink versions put what this root now holds elsewhere. Terraform moves the state\nof each address on the next plan instead of destroying and creating; a block whose `from` is not in\nthe state does nothing. drslink 0.1.0 wrote one module block per link and per associated VPC."/>
<#list moved as m>

<#if m.comment??>
# ${m.comment}
</#if>
moved {
  from = ${m.from}
  to = ${m.to}
}
</#list>
