import type { ServiceFake } from '../define.js';

/**
 * The test account is the management account of its organization: SCPs
 * enabled on the root, a region-deny SCP attached to it, GuardDuty delegated
 * to a security account (Security Hub and Config are not).
 */
const fake: ServiceFake = (scope, account) => {
  if (scope !== 'global') return {};
  const org = 'o-a1b2c3d4e5';
  return {
    'organizations:DescribeOrganization': {
      Organization: {
        Id: org,
        Arn: `arn:aws:organizations::${account}:organization/${org}`,
        FeatureSet: 'ALL',
        MasterAccountId: account,
        MasterAccountArn: `arn:aws:organizations::${account}:account/${org}/${account}`,
        MasterAccountEmail: 'aws-management@example.com',
        AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
      },
    },
    'organizations:ListRoots': {
      Roots: [{ Id: 'r-ab12', Arn: `arn:aws:organizations::${account}:root/${org}/r-ab12`, Name: 'Root', PolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }] }],
    },
    'organizations:ListPolicies': {
      Policies: [
        { Id: 'p-FullAWSAccess', Arn: 'arn:aws:organizations::aws:policy/service_control_policy/p-FullAWSAccess', Name: 'FullAWSAccess', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: true },
        { Id: 'p-9z8y7x6w', Arn: `arn:aws:organizations::${account}:policy/${org}/service_control_policy/p-9z8y7x6w`, Name: 'deny-outside-india', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false },
      ],
    },
    'organizations:ListTargetsForPolicy': { Targets: [{ TargetId: 'r-ab12', Arn: `arn:aws:organizations::${account}:root/${org}/r-ab12`, Name: 'Root', Type: 'ROOT' }] },
    'organizations:ListDelegatedAdministrators': {
      DelegatedAdministrators: [{ Id: '444455556666', Arn: `arn:aws:organizations::${account}:account/${org}/444455556666`, Name: 'security', Status: 'ACTIVE', JoinedMethod: 'CREATED' }],
    },
    'organizations:ListDelegatedServicesForAccount': { DelegatedServices: [{ ServicePrincipal: 'guardduty.amazonaws.com', DelegationEnabledDate: new Date('2025-02-01T00:00:00Z') }] },
  };
};

export default fake;
