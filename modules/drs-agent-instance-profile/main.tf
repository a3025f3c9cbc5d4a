# The role EC2 source servers of another account install the DRS agent with: the installer's --account-id
# "requires an EC2 instance profile with the AWSElasticDisasterRecoveryEc2InstancePolicy policy"
# (https://docs.aws.amazon.com/drs/latest/userguide/installer-parameters.html), so no access keys reach the
# servers. Only EC2 may assume it: an instance profile hands a role to EC2
# (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html); ec2.amazonaws.com in the
# aws and aws-us-gov partitions, the two drslink supports.
resource "aws_iam_role" "this" {
  name        = var.name
  description = "DRS agents on EC2 source servers replicating into another account (installer --account-id)"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "Ec2AssumesRole"
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = merge(var.tags, { Name = var.name })
}

# AWS managed; AWS keeps it current with what the agent calls
# (https://docs.aws.amazon.com/drs/latest/userguide/security-iam-awsmanpol-AWSElasticDisasterRecoveryEc2InstancePolicy.html).
resource "aws_iam_role_policy_attachment" "ec2_instance_policy" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/service-role/AWSElasticDisasterRecoveryEc2InstancePolicy"
}

resource "aws_iam_instance_profile" "this" {
  name = var.name
  role = aws_iam_role.this.name

  tags = merge(var.tags, { Name = var.name })
}
