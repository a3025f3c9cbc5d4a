# The role an operator assumes to install the DRS agent with temporary credentials, instead of the
# pipeline's apply role: the installer registers a server in the account of the credentials it runs with,
# and AWSElasticDisasterRecoveryAgentInstallationPolicy is AWS's policy for exactly that
# (https://docs.aws.amazon.com/drs/latest/userguide/credentials.html,
# https://docs.aws.amazon.com/drs/latest/userguide/security-iam-awsmanpol-AWSElasticDisasterRecoveryAgentInstallationPolicy.html).
# The trust names the source accounts whose servers register here; each account's own IAM then decides
# which of its principals may assume it (a cross-account role:
# https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_common-scenarios_aws-accounts.html).
resource "aws_iam_role" "this" {
  name                 = var.name
  description          = "DRS agent installation into this account with temporary credentials (never the apply role)"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "SourceAccountsAssumeRole"
      Effect    = "Allow"
      Principal = { AWS = [for id in var.trusted_account_ids : "arn:${var.partition}:iam::${id}:root"] }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_iam_role_policy_attachment" "agent_installation_policy" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AWSElasticDisasterRecoveryAgentInstallationPolicy"
}
