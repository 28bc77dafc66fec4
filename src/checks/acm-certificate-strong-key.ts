import type { JSONSchemaType } from 'ajv';
import type { Certificate } from '../inventory/types.js';
import { defineCheck, fail, notApplicable, pass } from './define.js';

interface Params {
  minRsaBits: number;
  minEcBits: number;
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['minRsaBits', 'minEcBits'],
  properties: { minRsaBits: { type: 'integer', minimum: 1024 }, minEcBits: { type: 'integer', minimum: 224 } },
};

const EC_BITS: Record<string, number> = { EC_prime256v1: 256, EC_secp384r1: 384, EC_secp521r1: 521 };

function label(c: Certificate): string {
  return c.domainName !== undefined ? `${c.domainName} (${c.id})` : c.id;
}

/** Key size in bits from ACM's key algorithm name, or undefined for one archscan does not know. */
function bits(algorithm: string): { family: 'RSA' | 'EC'; bits: number } | undefined {
  const rsa = /^RSA_(\d+)$/.exec(algorithm);
  if (rsa) return { family: 'RSA', bits: Number(rsa[1]) };
  const ec = EC_BITS[algorithm];
  return ec !== undefined ? { family: 'EC', bits: ec } : undefined;
}

export default defineCheck<Params>({
  id: 'acm-certificate-strong-key',
  title: 'ACM certificates in use have RSA keys of at least 2048 bits (or EC keys of at least 256)',
  severity: 'high',
  resourceType: 'AWS::CertificateManager::Certificate',
  requires: ['acm:ListCertificates'],
  rationale:
    'RSA keys under 2048 bits (112-bit security, NIST SP 800-57 and PCI DSS\'s "strong cryptography") can be factored by a ' +
    'well-resourced attacker, who could then impersonate the site or decrypt recorded sessions that lacked forward secrecy.',
  remediation:
    'Request or import a certificate with an RSA 2048+ or ECDSA P-256+ key (`aws acm request-certificate --domain-name <name> ' +
    '--key-algorithm RSA_2048|EC_prime256v1 --validation-method DNS`), attach it to the load balancer listener or ' +
    'distribution in place of the weak one, then delete the weak certificate.',
  schema,
  defaults: { minRsaBits: 2048, minEcBits: 256 },
  paramDocs: { minRsaBits: 'the smallest acceptable RSA key size in bits', minEcBits: 'the smallest acceptable elliptic-curve key size in bits' },
  evaluate(inv, { minRsaBits, minEcBits }) {
    return inv.certificates.map((c) => {
      const evidence = { keyAlgorithm: c.keyAlgorithm, inUse: c.inUse, type: c.certificateType };
      if (!c.inUse) return notApplicable(c, `ACM certificate ${label(c)} is not in use by any AWS resource.`, evidence);
      const key = bits(c.keyAlgorithm);
      if (key === undefined) return fail(c, `ACM certificate ${label(c)} has key algorithm ${c.keyAlgorithm}, which archscan cannot judge: confirm its strength by hand.`, evidence);
      const min = key.family === 'RSA' ? minRsaBits : minEcBits;
      if (key.bits >= min) return pass(c, `ACM certificate ${label(c)} has a ${key.bits}-bit ${key.family} key.`, evidence);
      return fail(c, `ACM certificate ${label(c)} is in use with a ${key.bits}-bit ${key.family} key (at least ${min} required).`, { ...evidence, minimumBits: min });
    });
  },
});
