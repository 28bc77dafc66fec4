import type { JSONSchemaType } from 'ajv';
import type { Listener, LoadBalancer } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const ENCRYPTED = new Set(['HTTPS', 'TLS']);

function label(lb: LoadBalancer): string {
  return lb.name !== undefined && lb.name !== lb.id ? `${lb.name} (${lb.id})` : lb.id;
}

/** HTTP whose default action sends the client to HTTPS. */
function redirectsToHttps(l: Listener): boolean {
  return l.defaultActions.some((a) => a.type.toLowerCase() === 'redirect' && a.redirectProtocol?.toUpperCase() === 'HTTPS');
}

type ListenerEvidence = { port: number | null; protocol: string | null };

function byPortThenProtocol(a: ListenerEvidence, b: ListenerEvidence): number {
  const pa = a.protocol ?? '';
  const pb = b.protocol ?? '';
  return (a.port ?? -1) - (b.port ?? -1) || (pa < pb ? -1 : pa > pb ? 1 : 0);
}

export default defineCheck<Params>({
  id: 'elb-internet-facing-tls-only',
  title: 'Internet-facing load balancers accept only encrypted connections (HTTP only to redirect to HTTPS)',
  severity: 'high',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  requires: ['elasticloadbalancing:DescribeLoadBalancers', 'elasticloadbalancing:DescribeListeners'],
  rationale:
    'A plain HTTP, TCP or UDP listener on an internet-facing load balancer carries requests, cookies and credentials in ' +
    'clear text across the internet, where they can be read or altered in transit (PCI DSS 4.2.1).',
  remediation:
    'Replace each plain listener with an HTTPS (ALB) or TLS (NLB) listener with an ACM certificate, or, for HTTP on an ' +
    'ALB, change its default action to a redirect to HTTPS: EC2 console > Load balancers > select > Listeners > HTTP:80 > ' +
    'Edit > Redirect to URL, protocol HTTPS, port 443, status 301; or `aws elbv2 modify-listener --listener-arn <arn> ' +
    '--default-actions \'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.loadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') {
        return notApplicable(lb, `Load balancer ${label(lb)} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme, lbType: lb.lbType });
      }
      if (lb.lbType === 'gateway') {
        return notApplicable(lb, `Load balancer ${label(lb)} is a gateway load balancer.`, { scheme: lb.scheme, lbType: lb.lbType });
      }
      if (!lb.listeners.ok) return error(lb, lb.listeners.error);

      const plain: ListenerEvidence[] = [];
      const listeners: (ListenerEvidence & { redirectsToHttps: boolean })[] = [];
      for (const l of lb.listeners.value) {
        const protocol = l.protocol?.toUpperCase() ?? null;
        const redirect = protocol === 'HTTP' && redirectsToHttps(l);
        listeners.push({ port: l.port ?? null, protocol: l.protocol ?? null, redirectsToHttps: redirect });
        if ((protocol === null || !ENCRYPTED.has(protocol)) && !redirect) plain.push({ port: l.port ?? null, protocol: l.protocol ?? null });
      }
      listeners.sort(byPortThenProtocol);
      plain.sort(byPortThenProtocol);

      if (plain.length === 0) {
        return pass(lb, `Internet-facing load balancer ${label(lb)} accepts only HTTPS/TLS or redirects HTTP to HTTPS.`, { listeners });
      }
      const list = plain.map((p) => `${p.protocol ?? 'unknown'}:${p.port ?? '?'}`).join(', ');
      return fail(lb, `Internet-facing load balancer ${label(lb)} has unencrypted listeners that do not redirect to HTTPS: ${list}.`, {
        plainListeners: plain,
      });
    });
  },
});
