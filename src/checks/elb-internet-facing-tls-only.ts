import type { JSONSchemaType } from 'ajv';
import type { CallError, Listener, LoadBalancer } from '../inventory/types.js';
import { defineCheck, error, fail, notApplicable, pass } from './define.js';

interface Params {
  passthroughPorts: number[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['passthroughPorts'],
  properties: { passthroughPorts: { type: 'array', uniqueItems: true, items: { type: 'integer', minimum: 1, maximum: 65535 } } },
};

const ENCRYPTED = new Set(['HTTPS', 'TLS']);

function label(lb: LoadBalancer): string {
  return lb.name !== undefined && lb.name !== lb.id ? `${lb.name} (${lb.id})` : lb.id;
}

/** HTTP whose default action sends the client to HTTPS. */
function redirectsToHttps(l: Listener): boolean {
  return l.defaultActions.some((a) => a.type.toLowerCase() === 'redirect' && a.redirectProtocol?.toUpperCase() === 'HTTPS');
}

type ListenerEvidence = { port: number | null; protocol: string | null };

/** What a TCP listener's targets listen on, when that decides it is a TLS passthrough. */
type Passthrough = { targetGroup: string; protocol: string; port: number };

const TCP = new Set(['TCP', 'TCP_UDP']);

/**
 * A TCP listener on a network load balancer forwarding only to TCP target
 * groups on a port in `ports` passes TLS through to targets that terminate
 * it: not plaintext. Decided by the target groups, never by the listener port.
 */
function passthrough(lb: LoadBalancer, l: Listener, ports: ReadonlySet<number>): { ok: true; value: Passthrough[] | null } | { ok: false; error: CallError } {
  if (lb.lbType !== 'network' || !TCP.has(l.protocol?.toUpperCase() ?? '') || l.targetGroups === undefined) return { ok: true, value: null };
  if (!l.targetGroups.ok) return l.targetGroups;
  const groups = l.targetGroups.value;
  if (groups.length === 0) return { ok: true, value: null };
  const via: Passthrough[] = [];
  for (const tg of groups) {
    if (!TCP.has(tg.protocol?.toUpperCase() ?? '') || tg.port === undefined || !ports.has(tg.port)) return { ok: true, value: null };
    via.push({ targetGroup: tg.name, protocol: tg.protocol!, port: tg.port });
  }
  return { ok: true, value: via };
}

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
    'clear text across the internet, where they can be read or altered in transit (PCI DSS 4.2.1). A network load balancer\'s ' +
    'TCP listener that forwards to TCP targets on a TLS port (passthroughPorts) carries TLS end to end to targets that terminate it: ' +
    'not plaintext, and said so in the evidence.',
  remediation:
    'Replace each plain listener with an HTTPS (ALB) or TLS (NLB) listener with an ACM certificate, or, for HTTP on an ' +
    'ALB, change its default action to a redirect to HTTPS: EC2 console > Load balancers > select > Listeners > HTTP:80 > ' +
    'Edit > Redirect to URL, protocol HTTPS, port 443, status 301; or `aws elbv2 modify-listener --listener-arn <arn> ' +
    '--default-actions \'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}\'`.',
  schema,
  defaults: { passthroughPorts: [443] },
  paramDocs: {
    passthroughPorts:
      'Target-group ports on which targets terminate TLS: an NLB TCP listener forwarding only to TCP target groups on these ports is a TLS passthrough, not plaintext',
  },
  evaluate(inv, { passthroughPorts }) {
    const tlsPorts = new Set(passthroughPorts);
    return inv.loadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') {
        return notApplicable(lb, `Load balancer ${label(lb)} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme, lbType: lb.lbType });
      }
      if (lb.lbType === 'gateway') {
        return notApplicable(lb, `Load balancer ${label(lb)} is a gateway load balancer.`, { scheme: lb.scheme, lbType: lb.lbType });
      }
      if (!lb.listeners.ok) return error(lb, lb.listeners.error);

      const plain: ListenerEvidence[] = [];
      let undecided: CallError | undefined;
      const listeners: (ListenerEvidence & { redirectsToHttps: boolean; tlsPassthrough?: Passthrough[] })[] = [];
      for (const l of lb.listeners.value) {
        const protocol = l.protocol?.toUpperCase() ?? null;
        const redirect = protocol === 'HTTP' && redirectsToHttps(l);
        const through = passthrough(lb, l, tlsPorts);
        // Unknown target groups leave a TCP listener undecided: never a guess either way.
        if (!through.ok) {
          undecided ??= through.error;
          continue;
        }
        listeners.push({ port: l.port ?? null, protocol: l.protocol ?? null, redirectsToHttps: redirect, ...(through.value ? { tlsPassthrough: through.value } : {}) });
        if ((protocol === null || !ENCRYPTED.has(protocol)) && !redirect && !through.value) plain.push({ port: l.port ?? null, protocol: l.protocol ?? null });
      }
      listeners.sort(byPortThenProtocol);
      plain.sort(byPortThenProtocol);

      // A plain listener fails the load balancer whatever the undecided ones are; otherwise they make it error.
      if (plain.length === 0 && undecided) return error(lb, undecided);
      if (plain.length === 0) {
        const via = listeners.filter((l) => l.tlsPassthrough).map((l) => `${l.protocol}:${l.port}`);
        const passMsg = via.length === 0 ? '' : ` (${via.join(', ')} pass TLS through to targets that terminate it)`;
        return pass(lb, `Internet-facing load balancer ${label(lb)} accepts only HTTPS/TLS or redirects HTTP to HTTPS${passMsg}.`, { listeners });
      }
      const list = plain.map((p) => `${p.protocol ?? 'unknown'}:${p.port ?? '?'}`).join(', ');
      return fail(lb, `Internet-facing load balancer ${label(lb)} has unencrypted listeners that do not redirect to HTTPS: ${list}.`, {
        plainListeners: plain,
      });
    });
  },
});
