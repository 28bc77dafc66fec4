/** How ACM's operations are sent (loaded only for a live collection). */
import { ACMClient, ListCertificatesCommand, paginateListCertificates } from '@aws-sdk/client-acm';
import type { ServiceCollector } from '../define.js';

/** Every key type: without Includes, ListCertificates returns RSA_2048 certificates only. */
const KEY_TYPES = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'] as const;

const collector: ServiceCollector = {
  bindings: {
    'acm:ListCertificates': {
      client: ACMClient,
      command: ListCertificatesCommand,
      paginator: paginateListCertificates,
      pageSize: 1000,
      input: { Includes: { keyTypes: [...KEY_TYPES] } },
    },
  },
};

export default collector;
