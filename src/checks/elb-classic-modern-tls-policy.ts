import type { JSONSchemaType } from 'ajv';
import type { ClassicPolicy } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  allowedReferencePolicies: string[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['allowedReferencePolicies'],
  properties: { allowedReferencePolicies: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } } },
};

/** Protocols of an SSL negotiation policy that are not strong cryptography. */
const WEAK_PROTOCOLS = ['Protocol-SSLv2', 'Protocol-SSLv3', 'Protocol-TLSv1', 'Protocol-TLSv1.1'];
const ENCRYPTED = new Set(['HTTPS', 'SSL']);

type Verdict = { port: number; protocol: string; policy: string | null; referencePolicy: string | null; weakProtocols: string[]; ok: boolean; judgedBy: string };

export default defineCheck<Params>({
  id: 'elb-classic-modern-tls-policy',
  title: 'Internet-facing Classic Load Balancer HTTPS/SSL listeners negotiate TLS 1.2 or newer only',
  severity: 'medium',
  resourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  requires: ['elb:DescribeLoadBalancers', 'elb:DescribeLoadBalancerPolicies'],
  rationale:
    'A Classic Load Balancer\'s SSL negotiation policy decides the protocols it offers; the default ELBSecurityPolicy-2016-08 ' +
    'still offers TLS 1.0 and 1.1, which PCI DSS 4.2.1 and MAS TRM 10.1.1 do not accept as strong cryptography.',
  remediation:
    'Create a policy from the predefined ELBSecurityPolicy-TLS-1-2-2017-01 and set it on the listener: `aws elb ' +
    'create-load-balancer-policy --load-balancer-name <lb> --policy-name tls12 --policy-type-name SSLNegotiationPolicyType ' +
    '--policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01`, then ' +
    '`aws elb set-load-balancer-policies-of-listener --load-balancer-name <lb> --load-balancer-port 443 --policy-names tls12`.',
  schema,
  defaults: { allowedReferencePolicies: ['ELBSecurityPolicy-TLS-1-2-2017-01'] },
  paramDocs: {
    allowedReferencePolicies:
      'predefined policies a listener may reference when its policy lists no Protocol-* attributes (when it does, TLS 1.2+ only is judged from them: SSLv3, TLSv1 and TLSv1.1 off)',
  },
  evaluate(inv, { allowedReferencePolicies }) {
    const allowed = new Set(allowedReferencePolicies);
    return inv.classicLoadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') return notApplicable(lb, `Classic Load Balancer ${lb.id} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme });
      const tls = lb.listeners.filter((l) => ENCRYPTED.has(l.protocol));
      if (tls.length === 0) return notApplicable(lb, `Classic Load Balancer ${lb.id} has no HTTPS or SSL listener.`, { httpsOrSslListeners: 0 });
      if (!lb.policies.ok) return error(lb, lb.policies.error);
      const byName = new Map<string, ClassicPolicy>(lb.policies.value.map((p) => [p.name, p]));
      const verdicts: Verdict[] = tls.map((l) => {
        const policy = l.policyNames.map((n) => byName.get(n)).find((p) => p?.type === 'SSLNegotiationPolicyType');
        if (!policy) return { port: l.port, protocol: l.protocol, policy: null, referencePolicy: null, weakProtocols: [], ok: false, judgedBy: 'no SSL negotiation policy on the listener' };
        const reference = policy.attributes['Reference-Security-Policy'] ?? null;
        const hasProtocols = Object.keys(policy.attributes).some((k) => k.startsWith('Protocol-'));
        if (hasProtocols) {
          const weak = WEAK_PROTOCOLS.filter((p) => policy.attributes[p]?.toLowerCase() === 'true');
          const tls12 = policy.attributes['Protocol-TLSv1.2']?.toLowerCase() === 'true';
          return { port: l.port, protocol: l.protocol, policy: policy.name, referencePolicy: reference, weakProtocols: weak, ok: weak.length === 0 && tls12, judgedBy: 'Protocol-* attributes' };
        }
        return { port: l.port, protocol: l.protocol, policy: policy.name, referencePolicy: reference, weakProtocols: [], ok: reference !== null && allowed.has(reference), judgedBy: 'Reference-Security-Policy' };
      });
      const bad = verdicts.filter((v) => !v.ok);
      const listeners = verdicts.map(({ ok: _ok, ...v }) => v);
      if (bad.length === 0) return pass(lb, `Every HTTPS/SSL listener of Classic Load Balancer ${lb.id} negotiates TLS 1.2 or newer only.`, { listeners });
      const list = bad.map((v) => `${v.protocol}:${v.port} (${v.policy ?? 'no policy'}${v.weakProtocols.length ? `: ${v.weakProtocols.join(', ')} on` : v.referencePolicy ? `, ${v.referencePolicy}` : ''})`).join('; ');
      return fail(lb, `Classic Load Balancer ${lb.id} offers protocols older than TLS 1.2 on ${list}.`, { nonCompliantListeners: listeners.filter((_, i) => !verdicts[i]!.ok) });
    });
  },
});
