${header}

# One aws provider per (account, region) this configuration touches. The modules declare
# none of their own: main.tf hands each module the providers it needs.
<#list providers as p>

provider "aws" {
  alias = "${p.alias}"
  region = ${p.region}
<#if p.allowedAccountIds??>
  allowed_account_ids = [${p.allowedAccountIds}]
</#if>
<#if p.roleArn??>

  assume_role {
    role_arn = ${p.roleArn}
  }
</#if>
}
</#list>
