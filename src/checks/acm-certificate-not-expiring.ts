import type { JSONSchemaType } from 'ajv';
import type { Certificate } from '../inventory/types.js';
import { daysBetween, defineCheck, fail, notApplicable, pass } from './define.js';

interface Params {
  days: number;
  includeUnused: boolean;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['days', 'includeUnused'],
  properties: { days: { type: 'integer', minimum: 1 }, includeUnused: { type: 'boolean' } },
};

function label(c: Certificate): string {
  return c.domainName !== undefined ? `${c.domainName} (${c.id})` : c.id;
}

export default defineCheck<Params>({
  id: 'acm-certificate-not-expiring',
  title: 'ACM certificates in use are valid for more than N days',
  severity: 'high',
  resourceType: 'AWS::CertificateManager::Certificate',
  requires: ['acm:ListCertificates'],
  rationale:
    'PCI DSS 4.2.1 requires the certificates that protect transmissions to be valid and not expired; an expired certificate ' +
    'breaks TLS for customers or pushes them to click through warnings. ACM renews Amazon-issued certificates it can ' +
    'validate, but never an imported one, and a renewal whose DNS validation record was removed fails silently.',
  remediation:
    'Renew or replace the certificate before it expires: for an imported certificate, reimport the renewed one ' +
    '(`aws acm import-certificate --certificate-arn <arn> ...`); for an Amazon-issued one, restore its DNS validation ' +
    'CNAME so managed renewal succeeds (ACM console > the certificate > Domains), or request a new certificate and swap it ' +
    'on the load balancer or distribution.',
  schema,
  defaults: { days: 30, includeUnused: false },
  paramDocs: {
    days: 'a certificate that expires within this many days of the snapshot (or has expired) fails',
    includeUnused: 'judge certificates no AWS resource uses as well (default: only those in use)',
  },
  evaluate(inv, { days, includeUnused }) {
    return inv.certificates.map((c) => {
      const scope = { status: c.status, type: c.certificateType, inUse: c.inUse };
      if (!c.inUse && !includeUnused) return notApplicable(c, `ACM certificate ${label(c)} is not in use by any AWS resource.`, scope);
      if (c.notAfter === undefined) return notApplicable(c, `ACM certificate ${label(c)} has no validity period yet (status ${c.status}).`, scope);
      const left = daysBetween(inv.collectedAt, c.notAfter);
      const evidence = { ...scope, notAfter: c.notAfter, daysLeft: left, renewalEligibility: c.renewalEligibility ?? null };
      if (c.status === 'EXPIRED' || left < 0) return fail(c, `ACM certificate ${label(c)} expired on ${c.notAfter}${c.inUse ? ' and is still in use' : ''}.`, evidence);
      if (left <= days) {
        const renews = c.certificateType === 'IMPORTED' ? ' (imported: ACM does not renew it)' : '';
        return fail(c, `ACM certificate ${label(c)} expires in ${left} days, on ${c.notAfter}${renews}.`, evidence);
      }
      return pass(c, `ACM certificate ${label(c)} is valid for ${left} more days (until ${c.notAfter}).`, evidence);
    });
  },
});
