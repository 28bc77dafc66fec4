/**
 * How Organizations' operations are sent (loaded only for a live collection).
 * The organization's roots, policies and delegated administrators are asked
 * only from the management account: a member account is refused them
 * (AccessDeniedException), and its results say not applicable.
 */
import {
  DescribeOrganizationCommand,
  ListDelegatedAdministratorsCommand,
  ListDelegatedServicesForAccountCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  OrganizationsClient,
  paginateListDelegatedAdministrators,
  paginateListDelegatedServicesForAccount,
  paginateListPolicies,
  paginateListRoots,
  paginateListTargetsForPolicy,
  type DescribeOrganizationCommandOutput,
  type ListDelegatedAdministratorsCommandOutput,
  type ListPoliciesCommandOutput,
} from '@aws-sdk/client-organizations';
import type { Binding, FanOutContext, Paginator, ServiceCollector } from '../define.js';

/** The organization id, when the scanned account is its management account. */
const managedOrg = (feed: unknown, ctx: FanOutContext): string[] => {
  const o = (feed as DescribeOrganizationCommandOutput | undefined)?.Organization;
  return o?.Id && o.MasterAccountId === ctx.accountId ? [o.Id] : [];
};

/** A per-resource call de-paginated with `paginator`, its request built from the id. */
const paged = (command: Binding['command'], paginator: Paginator, input: (id: string) => object, ids: Binding['ids']): Binding => ({
  client: OrganizationsClient,
  command,
  paginator,
  ids,
  input,
});

const collector: ServiceCollector = {
  bindings: {
    'organizations:DescribeOrganization': { client: OrganizationsClient, command: DescribeOrganizationCommand },
    'organizations:ListRoots': paged(ListRootsCommand, paginateListRoots, () => ({}), managedOrg),
    'organizations:ListPolicies': paged(ListPoliciesCommand, paginateListPolicies, () => ({ Filter: 'SERVICE_CONTROL_POLICY' }), managedOrg),
    'organizations:ListTargetsForPolicy': paged(
      ListTargetsForPolicyCommand,
      paginateListTargetsForPolicy,
      (PolicyId) => ({ PolicyId }),
      (feed) => ((feed as ListPoliciesCommandOutput | undefined)?.Policies ?? []).flatMap((p) => (p.Id && p.AwsManaged === false ? [p.Id] : [])),
    ),
    'organizations:ListDelegatedAdministrators': paged(ListDelegatedAdministratorsCommand, paginateListDelegatedAdministrators, () => ({}), managedOrg),
    'organizations:ListDelegatedServicesForAccount': paged(
      ListDelegatedServicesForAccountCommand,
      paginateListDelegatedServicesForAccount,
      (AccountId) => ({ AccountId }),
      (feed) => ((feed as ListDelegatedAdministratorsCommandOutput | undefined)?.DelegatedAdministrators ?? []).flatMap((a) => (a.Id ? [a.Id] : [])),
    ),
  },
};

export default collector;
