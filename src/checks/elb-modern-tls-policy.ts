import type { JSONSchemaType } from 'ajv';
import type { LoadBalancer } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  allowedPolicies: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowedPolicies'],
  properties: { allowedPolicies: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', minLength: 1 } } },
};

/**
 * The predefined ELB security policies that negotiate TLS 1.2 or newer only, from "Security policies for your
 * Application Load Balancer" (ELB user guide; the same names serve NLB TLS listeners): every
 * ELBSecurityPolicy-TLS13-* policy except TLS13-1-0-* and TLS13-1-1-*, plus TLS-1-2-* and FS-1-2-*.
 */
const TLS12_PLUS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-RFC9151-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP1-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP2-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP3-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-RFC9151-INTEROP4-FIPS-2023-07',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-RFC9151-FIPS-2023-07',
];

const ENCRYPTED = new Set(['HTTPS', 'TLS']);

function label(lb: LoadBalancer): string {
  return lb.name !== undefined && lb.name !== lb.id ? `${lb.name} (${lb.id})` : lb.id;
}

type ListenerEvidence = { listenerArn: string; port: number | null; protocol: string; sslPolicy: string | null };

export default defineCheck<Params>({
  id: 'elb-modern-tls-policy',
  title: 'Internet-facing HTTPS and TLS listeners use a TLS 1.2+ security policy',
  severity: 'medium',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  requires: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners'],
  rationale:
    'Security policies that still offer TLS 1.0/1.1 or legacy ciphers let a network attacker force clients down to ' +
    'protocols with known weaknesses; PCI DSS 4.2.1 and most baselines require strong cryptography, i.e. TLS 1.2 or newer.',
  remediation:
    'Switch each listener to a TLS 1.2+ policy such as ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09 (or a FIPS variant): ' +
    'EC2 console > Load balancers > select > Listeners > select the HTTPS/TLS listener > Edit > Security policy, or ' +
    '`aws elbv2 modify-listener --listener-arn <arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09`.',
  schema,
  defaults: { allowedPolicies: [...TLS12_PLUS_POLICIES] },
  paramDocs: { allowedPolicies: 'ELB security policy names an internet-facing HTTPS/TLS listener may use (exact names)' },
  evaluate(inv, { allowedPolicies }) {
    const allowed = new Set(allowedPolicies);
    return inv.loadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') {
        return notApplicable(lb, `Load balancer ${label(lb)} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme });
      }
      if (!lb.listeners.ok) return error(lb, lb.listeners.error);
      const tls: ListenerEvidence[] = lb.listeners.value
        .filter((l) => l.protocol !== undefined && ENCRYPTED.has(l.protocol.toUpperCase()))
        .map((l) => ({ listenerArn: l.arn, port: l.port ?? null, protocol: l.protocol!, sslPolicy: l.sslPolicy ?? null }))
        .sort((a, b) => (a.port ?? -1) - (b.port ?? -1) || (a.listenerArn < b.listenerArn ? -1 : a.listenerArn > b.listenerArn ? 1 : 0));
      if (tls.length === 0) return notApplicable(lb, `Load balancer ${label(lb)} has no HTTPS or TLS listener.`, { httpsOrTlsListeners: 0 });

      const outdated = tls.filter((l) => l.sslPolicy === null || !allowed.has(l.sslPolicy));
      if (outdated.length === 0) {
        return pass(lb, `Every HTTPS/TLS listener of load balancer ${label(lb)} uses an allowed security policy.`, { listeners: tls });
      }
      const list = outdated.map((l) => `${l.protocol}:${l.port ?? '?'} (${l.sslPolicy ?? 'no policy'})`).join(', ');
      return fail(lb, `Load balancer ${label(lb)} has HTTPS/TLS listeners with a security policy not allowed: ${list}.`, {
        nonCompliantListeners: outdated,
      });
    });
  },
});
