/**
 * AWS Organizations, as the scanned account sees it: the organization it is
 * in, and — read only from the management account (or an account delegated
 * to read the organization) — the roots, the service control policies and
 * their targets, and the delegated administrators.
 */
import type { OperationSpec } from '../spec.js';

export const SDK = { organizations: '@aws-sdk/client-organizations' } as const;

const org = 'organization id (sent only from the management account)';

export const OPERATIONS = [
  {
    key: 'organizations:DescribeOrganization',
    scope: 'global',
    // An account in no organization: data (not in one), not a failure.
    absentCodes: ['AWSOrganizationsNotInUseException'],
    needs: { DescribeOrganizationResponse: ['Organization'], Organization: ['Id', 'MasterAccountId'] },
  },
  {
    key: 'organizations:ListRoots',
    scope: 'global',
    perResource: { from: 'organizations:DescribeOrganization', id: org },
    needs: { ListRootsResponse: ['Roots'], Root: ['Id', 'PolicyTypes'], PolicyTypeSummary: ['Type', 'Status'] },
  },
  {
    key: 'organizations:ListPolicies',
    scope: 'global',
    perResource: { from: 'organizations:DescribeOrganization', id: org },
    request: 'Filter=SERVICE_CONTROL_POLICY',
    needs: { ListPoliciesResponse: ['Policies'], PolicySummary: ['Id', 'Name', 'AwsManaged'] },
  },
  {
    key: 'organizations:ListTargetsForPolicy',
    scope: 'global',
    perResource: { from: 'organizations:ListPolicies', id: 'id of a customer-managed SCP' },
    needs: { ListTargetsForPolicyResponse: ['Targets'], PolicyTargetSummary: ['TargetId', 'Type'] },
  },
  {
    key: 'organizations:ListDelegatedAdministrators',
    scope: 'global',
    perResource: { from: 'organizations:DescribeOrganization', id: org },
    needs: { ListDelegatedAdministratorsResponse: ['DelegatedAdministrators'], DelegatedAdministrator: ['Id'] },
  },
  {
    key: 'organizations:ListDelegatedServicesForAccount',
    scope: 'global',
    perResource: { from: 'organizations:ListDelegatedAdministrators', id: 'account id of a delegated administrator' },
    needs: { ListDelegatedServicesForAccountResponse: ['DelegatedServices'], DelegatedService: ['ServicePrincipal'] },
  },
] as const satisfies readonly OperationSpec[];
