// What AWS checks when Terraform creates (tags included: the provider's default_tags put Project on every
// create request), reads and deletes each resource type of the main stack, with the resource and the
// condition keys AWS evaluates. Sources: the AWS Service Authorization Reference and the provider's calls.
// A type that is missing here fails the coverage test: add it with its actions.
import { sample, type Request } from './iam.ts';

const { account_id: acct, region, project, workload_prefix: wl, boundary_arn: boundary } = sample;
const arn = (service: string, rest: string) => `arn:aws:${service}:${region}:${acct}:${rest}`;
const requestTags = { 'aws:RequestTag/Project': project, 'aws:TagKeys': ['Project', 'Stack', 'ManagedBy'] };
const tagged = { 'aws:ResourceTag/Project': project };

type Ops = { create: Request[]; read: Request[]; delete: Request[] };

/** An EC2 resource: the create call (tags in the request), CreateTags on create, read, delete on the tagged resource. */
function ec2(
  create: string,
  describe: string,
  del: string[],
  type: string,
  extraCreate: Request[] = [],
): Ops {
  const res = arn('ec2', `${type}/${type}-0123456789abcdef0`);
  return {
    create: [
      { action: `ec2:${create}`, resource: '*', context: requestTags },
      { action: 'ec2:CreateTags', resource: res, context: { ...requestTags, 'ec2:CreateAction': create } },
      ...extraCreate,
    ],
    read: [{ action: `ec2:${describe}`, resource: '*' }],
    delete: del.map((d) => ({ action: `ec2:${d}`, resource: res, context: tagged })),
  };
}

const role = (name: string) => `arn:aws:iam::${acct}:role/${wl}${name}`;
const withBoundary = { 'iam:PermissionsBoundary': boundary };
const cluster = arn('eks', `cluster/${project}`);
const key = arn('kms', 'key/00000000-0000-0000-0000-000000000000');
const logGroup = arn('logs', `log-group:/aws/eks/${project}/cluster`);
const secret = arn('secretsmanager', `secret:${project}/database-AbCdEf`);
const certificate = arn('acm', 'certificate/00000000-0000-0000-0000-000000000000');
const bucket = `arn:aws:s3:::${project}-backups-${acct}`;
const eks = (action: string, resource = cluster, context = {}): Request => ({
  action: `eks:${action}`,
  resource,
  context,
});
const pass = (service: string, name: string): Request => ({
  action: 'iam:PassRole',
  resource: role(name),
  context: { 'iam:PassedToService': service },
});
const s3 = (actions: string[]): Request[] => actions.map((a) => ({ action: `s3:${a}`, resource: bucket }));
const bucketPart = (put: string, del = put): Ops => ({
  create: s3([put]),
  read: s3(['GetBucketLocation']),
  delete: s3([del]),
});

export const resourceActions: Record<string, Ops> = {
  aws_vpc: ec2('CreateVpc', 'DescribeVpcs', ['DeleteVpc'], 'vpc', [
    { action: 'ec2:ModifyVpcAttribute', resource: arn('ec2', 'vpc/vpc-1'), context: tagged },
  ]),
  aws_subnet: ec2('CreateSubnet', 'DescribeSubnets', ['DeleteSubnet'], 'subnet', [
    { action: 'ec2:ModifySubnetAttribute', resource: arn('ec2', 'subnet/subnet-1'), context: tagged },
  ]),
  aws_internet_gateway: ec2(
    'CreateInternetGateway',
    'DescribeInternetGateways',
    ['DetachInternetGateway', 'DeleteInternetGateway'],
    'internet-gateway',
    [
      {
        action: 'ec2:AttachInternetGateway',
        resource: arn('ec2', 'internet-gateway/igw-1'),
        context: tagged,
      },
    ],
  ),
  aws_eip: ec2(
    'AllocateAddress',
    'DescribeAddresses',
    ['DisassociateAddress', 'ReleaseAddress'],
    'elastic-ip',
  ),
  aws_nat_gateway: ec2('CreateNatGateway', 'DescribeNatGateways', ['DeleteNatGateway'], 'natgateway'),
  aws_route_table: ec2('CreateRouteTable', 'DescribeRouteTables', ['DeleteRouteTable'], 'route-table'),
  aws_route: {
    create: [{ action: 'ec2:CreateRoute', resource: arn('ec2', 'route-table/rtb-1'), context: tagged }],
    read: [{ action: 'ec2:DescribeRouteTables', resource: '*' }],
    delete: [{ action: 'ec2:DeleteRoute', resource: arn('ec2', 'route-table/rtb-1'), context: tagged }],
  },
  aws_route_table_association: {
    create: [
      { action: 'ec2:AssociateRouteTable', resource: arn('ec2', 'route-table/rtb-1'), context: tagged },
    ],
    read: [{ action: 'ec2:DescribeRouteTables', resource: '*' }],
    delete: [
      { action: 'ec2:DisassociateRouteTable', resource: arn('ec2', 'route-table/rtb-1'), context: tagged },
    ],
  },
  // Adopted, not created: the VPC's default group carries no tag of ours until Terraform adds it.
  aws_default_security_group: {
    create: ['RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'CreateTags'].map((a) => ({
      action: `ec2:${a}`,
      resource: arn('ec2', 'security-group/sg-default'),
    })),
    read: [{ action: 'ec2:DescribeSecurityGroups', resource: '*' }],
    delete: [],
  },
  aws_security_group: ec2(
    'CreateSecurityGroup',
    'DescribeSecurityGroups',
    ['RevokeSecurityGroupIngress', 'DeleteSecurityGroup'],
    'security-group',
    [
      {
        action: 'ec2:RevokeSecurityGroupEgress',
        resource: arn('ec2', 'security-group/sg-1'),
        context: tagged,
      },
    ],
  ),
  aws_vpc_security_group_ingress_rule: {
    create: [
      {
        action: 'ec2:AuthorizeSecurityGroupIngress',
        resource: arn('ec2', 'security-group/sg-1'),
        context: tagged,
      },
      {
        action: 'ec2:CreateTags',
        resource: arn('ec2', 'security-group-rule/sgr-1'),
        context: { ...requestTags, 'ec2:CreateAction': 'AuthorizeSecurityGroupIngress' },
      },
    ],
    read: [{ action: 'ec2:DescribeSecurityGroupRules', resource: '*' }],
    delete: [
      {
        action: 'ec2:RevokeSecurityGroupIngress',
        resource: arn('ec2', 'security-group/sg-1'),
        context: tagged,
      },
    ],
  },
  aws_launch_template: ec2(
    'CreateLaunchTemplate',
    'DescribeLaunchTemplates',
    ['DeleteLaunchTemplate'],
    'launch-template',
    [
      {
        action: 'ec2:CreateLaunchTemplateVersion',
        resource: arn('ec2', 'launch-template/lt-1'),
        context: tagged,
      },
      { action: 'ec2:DescribeLaunchTemplateVersions', resource: '*' },
    ],
  ),
  aws_vpc_endpoint: ec2('CreateVpcEndpoint', 'DescribeVpcEndpoints', ['DeleteVpcEndpoints'], 'vpc-endpoint', [
    { action: 'ec2:DescribePrefixLists', resource: '*' },
  ]),

  aws_eks_cluster: {
    create: [
      eks('CreateCluster', cluster, requestTags),
      eks('TagResource', cluster, requestTags),
      pass('eks.amazonaws.com', 'eks-cluster'),
      {
        action: 'iam:CreateServiceLinkedRole',
        resource: '*',
        context: { 'iam:AWSServiceName': 'eks.amazonaws.com' },
      },
      // Secrets encryption: EKS checks the caller may use the key.
      { action: 'kms:DescribeKey', resource: key, context: tagged },
      { action: 'kms:CreateGrant', resource: key, context: tagged },
    ],
    read: [eks('DescribeCluster')],
    delete: [eks('DeleteCluster')],
  },
  aws_eks_node_group: {
    create: [
      eks('CreateNodegroup', cluster, requestTags),
      eks('TagResource', arn('eks', `nodegroup/${project}/${project}-default/abc`), requestTags),
      pass('ec2.amazonaws.com', 'eks-node'),
      {
        action: 'iam:CreateServiceLinkedRole',
        resource: '*',
        context: { 'iam:AWSServiceName': 'eks-nodegroup.amazonaws.com' },
      },
      { action: 'ec2:DescribeLaunchTemplateVersions', resource: '*' },
      { action: 'ec2:RunInstances', resource: '*' },
    ],
    read: [eks('DescribeNodegroup', arn('eks', `nodegroup/${project}/${project}-default/abc`))],
    delete: [eks('DeleteNodegroup', arn('eks', `nodegroup/${project}/${project}-default/abc`))],
  },
  aws_eks_addon: {
    create: [
      eks('CreateAddon', cluster, requestTags),
      eks('TagResource', arn('eks', `addon/${project}/coredns/abc`), requestTags),
      eks('DescribeAddonVersions', '*'),
      pass('pods.eks.amazonaws.com', 'ebs-csi'),
    ],
    read: [eks('DescribeAddon', arn('eks', `addon/${project}/coredns/abc`))],
    delete: [eks('DeleteAddon', arn('eks', `addon/${project}/coredns/abc`))],
  },
  aws_eks_access_entry: {
    create: [eks('CreateAccessEntry', cluster, requestTags)],
    read: [eks('DescribeAccessEntry', arn('eks', `access-entry/${project}/role/${acct}/x/abc`))],
    delete: [eks('DeleteAccessEntry', arn('eks', `access-entry/${project}/role/${acct}/x/abc`))],
  },
  aws_eks_access_policy_association: {
    create: [eks('AssociateAccessPolicy', arn('eks', `access-entry/${project}/role/${acct}/x/abc`))],
    read: [eks('ListAssociatedAccessPolicies', arn('eks', `access-entry/${project}/role/${acct}/x/abc`))],
    delete: [eks('DisassociateAccessPolicy', arn('eks', `access-entry/${project}/role/${acct}/x/abc`))],
  },
  aws_eks_pod_identity_association: {
    create: [
      eks('CreatePodIdentityAssociation', cluster, requestTags),
      pass('pods.eks.amazonaws.com', 'cluster-autoscaler'),
    ],
    read: [eks('DescribePodIdentityAssociation', arn('eks', `podidentityassociation/${project}/a-1`))],
    delete: [eks('DeletePodIdentityAssociation', arn('eks', `podidentityassociation/${project}/a-1`))],
  },

  aws_iam_role: {
    create: [
      { action: 'iam:CreateRole', resource: role('x'), context: { ...requestTags, ...withBoundary } },
      { action: 'iam:TagRole', resource: role('x'), context: requestTags },
    ],
    read: ['GetRole', 'ListRolePolicies', 'ListAttachedRolePolicies'].map((a) => ({
      action: `iam:${a}`,
      resource: role('x'),
    })),
    delete: ['ListInstanceProfilesForRole', 'DeleteRole'].map((a) => ({
      action: `iam:${a}`,
      resource: role('x'),
    })),
  },
  aws_iam_role_policy: {
    create: [{ action: 'iam:PutRolePolicy', resource: role('x'), context: withBoundary }],
    read: [{ action: 'iam:GetRolePolicy', resource: role('x') }],
    delete: [{ action: 'iam:DeleteRolePolicy', resource: role('x'), context: withBoundary }],
  },
  aws_iam_role_policy_attachment: {
    create: [{ action: 'iam:AttachRolePolicy', resource: role('x'), context: withBoundary }],
    read: [{ action: 'iam:ListAttachedRolePolicies', resource: role('x') }],
    delete: [{ action: 'iam:DetachRolePolicy', resource: role('x'), context: withBoundary }],
  },

  // CreateKey carries the default tags, so it also needs kms:TagResource on a key that does not exist yet.
  aws_kms_key: {
    create: [
      { action: 'kms:CreateKey', resource: '*', context: requestTags },
      { action: 'kms:TagResource', resource: '*', context: requestTags },
      ...['EnableKeyRotation', 'UpdateKeyDescription'].map((a) => ({
        action: `kms:${a}`,
        resource: key,
        context: tagged,
      })),
    ],
    read: ['DescribeKey', 'GetKeyPolicy', 'GetKeyRotationStatus', 'ListResourceTags'].map((a) => ({
      action: `kms:${a}`,
      resource: key,
      context: tagged,
    })),
    delete: [{ action: 'kms:ScheduleKeyDeletion', resource: key, context: tagged }],
  },
  aws_kms_alias: {
    create: [
      { action: 'kms:CreateAlias', resource: arn('kms', `alias/${project}-eks-secrets`) },
      { action: 'kms:CreateAlias', resource: key, context: tagged },
    ],
    read: [{ action: 'kms:ListAliases', resource: '*' }],
    delete: [
      { action: 'kms:DeleteAlias', resource: arn('kms', `alias/${project}-eks-secrets`) },
      { action: 'kms:DeleteAlias', resource: key, context: tagged },
    ],
  },
  aws_cloudwatch_log_group: {
    create: [
      { action: 'logs:CreateLogGroup', resource: logGroup, context: requestTags },
      { action: 'logs:TagResource', resource: logGroup, context: requestTags },
      { action: 'logs:PutRetentionPolicy', resource: logGroup },
    ],
    read: [
      { action: 'logs:DescribeLogGroups', resource: '*' },
      { action: 'logs:ListTagsForResource', resource: logGroup },
    ],
    delete: [{ action: 'logs:DeleteLogGroup', resource: logGroup }],
  },
  aws_secretsmanager_secret: {
    create: [
      { action: 'secretsmanager:CreateSecret', resource: secret, context: requestTags },
      { action: 'secretsmanager:TagResource', resource: secret, context: requestTags },
    ],
    read: ['DescribeSecret', 'GetResourcePolicy'].map((a) => ({
      action: `secretsmanager:${a}`,
      resource: secret,
    })),
    delete: [{ action: 'secretsmanager:DeleteSecret', resource: secret }],
  },
  aws_acm_certificate: {
    create: [
      { action: 'acm:RequestCertificate', resource: certificate, context: requestTags },
      { action: 'acm:AddTagsToCertificate', resource: certificate, context: requestTags },
    ],
    read: ['DescribeCertificate', 'ListTagsForCertificate'].map((a) => ({
      action: `acm:${a}`,
      resource: certificate,
    })),
    delete: [{ action: 'acm:DeleteCertificate', resource: certificate }],
  },
  aws_acm_certificate_validation: {
    create: [{ action: 'acm:DescribeCertificate', resource: certificate }],
    read: [{ action: 'acm:DescribeCertificate', resource: certificate }],
    delete: [],
  },
  aws_route53_record: {
    create: [
      { action: 'route53:ChangeResourceRecordSets', resource: 'arn:aws:route53:::hostedzone/Z123' },
      { action: 'route53:GetChange', resource: 'arn:aws:route53:::change/C123' },
    ],
    read: [{ action: 'route53:ListResourceRecordSets', resource: 'arn:aws:route53:::hostedzone/Z123' }],
    delete: [{ action: 'route53:ChangeResourceRecordSets', resource: 'arn:aws:route53:::hostedzone/Z123' }],
  },

  // A project bucket of the main stack (backups): named <project>-*, never the state bucket.
  aws_s3_bucket: {
    create: s3(['CreateBucket', 'PutBucketTagging']),
    read: s3([
      'ListBucket',
      'GetBucketTagging',
      'GetBucketPolicy',
      'GetBucketVersioning',
      'GetEncryptionConfiguration',
    ]),
    delete: s3(['DeleteBucket']),
  },
  aws_s3_bucket_versioning: bucketPart('PutBucketVersioning'),
  aws_s3_bucket_server_side_encryption_configuration: bucketPart('PutEncryptionConfiguration'),
  aws_s3_bucket_public_access_block: bucketPart('PutBucketPublicAccessBlock'),
  aws_s3_bucket_lifecycle_configuration: bucketPart('PutLifecycleConfiguration'),
  aws_s3_bucket_ownership_controls: bucketPart('PutBucketOwnershipControls'),
  aws_s3_bucket_policy: bucketPart('PutBucketPolicy', 'DeleteBucketPolicy'),
};

/** Data sources: what a plan (and every apply's refresh) reads. */
export const dataSourceActions: Record<string, Request[]> = {
  aws_availability_zones: [{ action: 'ec2:DescribeAvailabilityZones', resource: '*' }],
  aws_caller_identity: [{ action: 'sts:GetCallerIdentity', resource: '*' }],
  // Computed by the provider without a call to AWS.
  aws_partition: [],
  aws_region: [],
  aws_iam_policy_document: [],
};
