import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, notApplicable, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

const ENCRYPTED = new Set(['HTTPS', 'SSL']);

export default defineCheck<Params>({
  id: 'elb-classic-tls-only',
  title: 'Internet-facing Classic Load Balancers accept only HTTPS or SSL connections',
  severity: 'high',
  resourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
  requires: ['elb:DescribeLoadBalancers'],
  rationale:
    'A plain HTTP or TCP listener on an internet-facing load balancer carries requests, cookies and credentials in clear ' +
    'text across the internet (PCI DSS 4.2.1). A Classic Load Balancer cannot redirect HTTP to HTTPS itself: an HTTP ' +
    'listener serves whatever the instances answer in plaintext.',
  remediation:
    'Replace each HTTP/TCP listener with an HTTPS/SSL listener with an ACM certificate (EC2 console > Load balancers > ' +
    'select > Listeners > Edit, or `aws elb create-load-balancer-listeners` then `delete-load-balancer-listeners`), or ' +
    'migrate to an Application Load Balancer, which can redirect HTTP to HTTPS.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.classicLoadBalancers.map((lb) => {
      if (lb.scheme !== 'internet-facing') return notApplicable(lb, `Classic Load Balancer ${lb.id} is not internet-facing (scheme ${lb.scheme}).`, { scheme: lb.scheme });
      const listeners = lb.listeners.map((l) => ({ port: l.port, protocol: l.protocol, instancePort: l.instancePort ?? null, instanceProtocol: l.instanceProtocol ?? null }));
      const plain = listeners.filter((l) => !ENCRYPTED.has(l.protocol));
      if (plain.length === 0) return pass(lb, `Internet-facing Classic Load Balancer ${lb.id} accepts only HTTPS/SSL.`, { listeners });
      return fail(lb, `Internet-facing Classic Load Balancer ${lb.id} has unencrypted listeners: ${plain.map((l) => `${l.protocol}:${l.port}`).join(', ')}.`, {
        plainListeners: plain,
      });
    });
  },
});
