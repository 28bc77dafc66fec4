import type {
  DescribeOrganizationCommandOutput,
  ListDelegatedAdministratorsCommandOutput,
  ListDelegatedServicesForAccountCommandOutput,
  ListPoliciesCommandOutput,
  ListRootsCommandOutput,
  ListTargetsForPolicyCommandOutput,
} from '@aws-sdk/client-organizations';
import type { Observed, Raw } from '../../inventory/base.js';
import { GLOBAL_REGION } from '../../snapshot/types.js';
import { defineService } from '../define.js';
import type { ServiceSource } from '../source.js';
import { OPERATIONS } from './operations.js';
import { SHAPES } from './shapes.generated.js';
import type { DelegatedAdministrator, OrganizationDetails, OrganizationInfo, OrganizationMembership, ServiceControlPolicy } from './types.js';

const G = GLOBAL_REGION;

function membershipRef(partition: string, accountId: string) {
  return {
    type: 'AWS::Organizations::Organization' as const,
    arn: `arn:${partition}:organizations::${accountId}:organization`,
    id: 'organization',
    account: accountId,
    region: G,
    tags: {},
  };
}

function mapOk<T, U>(o: Observed<T>, f: (t: T) => U): Observed<U> {
  return o.ok ? { ok: true, value: f(o.value) } : o;
}

function details(src: ServiceSource, orgId: string): OrganizationDetails {
  const roots = mapOk(src.perResource<Raw<ListRootsCommandOutput>>(G, 'organizations:ListRoots', orgId), (r) =>
    r.Roots!.map((root) => ({ id: root.Id!, scpEnabled: root.PolicyTypes!.some((t) => t.Type === 'SERVICE_CONTROL_POLICY' && t.Status === 'ENABLED') })),
  );
  const scps = mapOk(src.perResource<Raw<ListPoliciesCommandOutput>>(G, 'organizations:ListPolicies', orgId), (r) =>
    r.Policies!.map((p): ServiceControlPolicy => {
      const awsManaged = p.AwsManaged!;
      const targets = awsManaged
        ? null
        : mapOk(src.perResource<Raw<ListTargetsForPolicyCommandOutput>>(G, 'organizations:ListTargetsForPolicy', p.Id!), (t) => t.Targets!.map((x) => `${x.Type}:${x.TargetId}`).sort());
      return { id: p.Id!, name: p.Name!, awsManaged, targets };
    }),
  );
  const delegatedAdministrators = mapOk(src.perResource<Raw<ListDelegatedAdministratorsCommandOutput>>(G, 'organizations:ListDelegatedAdministrators', orgId), (r) =>
    r.DelegatedAdministrators!.map((a): DelegatedAdministrator => {
      const services = mapOk(src.perResource<Raw<ListDelegatedServicesForAccountCommandOutput>>(G, 'organizations:ListDelegatedServicesForAccount', a.Id!), (s) =>
        [...new Set(s.DelegatedServices!.map((d) => d.ServicePrincipal!))].sort(),
      );
      return { accountId: a.Id!, ...(a.Name ? { name: a.Name } : {}), services };
    }),
  );
  return { roots, scps, delegatedAdministrators };
}

export function buildOrganization(src: ServiceSource): OrganizationMembership {
  const base = membershipRef(src.partition, src.accountId);
  const raw = src.call<Raw<DescribeOrganizationCommandOutput>>(G, 'organizations:DescribeOrganization');
  if (!raw.ok) return { ...base, organization: raw };
  const o = raw.value?.Organization;
  if (!o) return { ...base, organization: { ok: true, value: null } };
  if (!/^\d{12}$/.test(o.MasterAccountId!)) {
    return { ...base, organization: { ok: false, error: src.unusable('organizations:DescribeOrganization', G, '/Organization/MasterAccountId', 'the 12-digit id of the management account') } };
  }
  const info: OrganizationInfo = { id: o.Id!, managementAccountId: o.MasterAccountId!, ...(o.FeatureSet ? { featureSet: o.FeatureSet } : {}) };
  const membership: OrganizationMembership = { ...base, organization: { ok: true, value: info } };
  // The management account's organization is read (an answer missing there is unknown); a member's only when it was collected.
  const isManagement = info.managementAccountId === src.accountId;
  if (isManagement || src.hasPerResource(G, 'organizations:ListRoots', info.id)) membership.details = details(src, info.id);
  return membership;
}

export default defineService<{ organization: OrganizationMembership }>({
  name: 'organizations',
  title: 'AWS Organizations',
  operations: OPERATIONS,
  shapes: SHAPES,
  build: (src) => ({ organization: buildOrganization(src) }),
  empty: ({ partition, accountId }) => ({ organization: { ...membershipRef(partition, accountId), organization: { ok: true, value: null } } }),
  collector: async () => (await import('./collect.js')).default,
});
