import type { JSONSchemaType } from 'ajv';
import { defineCheck, error, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'eks-secrets-encrypted',
  title: 'EKS clusters envelope-encrypt Kubernetes secrets with a KMS key',
  severity: 'medium',
  resourceType: 'AWS::EKS::Cluster',
  requires: ['eks:ListClusters', 'eks:DescribeCluster'],
  rationale:
    'Envelope encryption encrypts each Kubernetes secret in etcd with a data key protected by a customer KMS key: reading ' +
    'the secret then needs kms:Decrypt on that key, which is logged in CloudTrail and can be revoked (PCI DSS 3.5.1, ' +
    '3.6; MAS TRM 10.2.1).',
  remediation:
    'Associate a KMS key for secrets: EKS console > the cluster > Overview > Secrets encryption > Enable, or `aws eks ' +
    'associate-encryption-config --cluster-name <cluster> --encryption-config ' +
    '\'[{"resources":["secrets"],"provider":{"keyArn":"<key-arn>"}}]\'` (it cannot be turned off again).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.eksClusters.map((c) => {
      if (!c.detail.ok) return error(c, c.detail.error);
      const secrets = c.detail.value.encryption.find((e) => e.resources.includes('secrets'));
      if (secrets) return pass(c, `EKS cluster ${c.id} envelope-encrypts secrets with ${secrets.keyArn}.`, { secretsKeyArn: secrets.keyArn });
      return fail(c, `EKS cluster ${c.id} does not envelope-encrypt Kubernetes secrets with a KMS key.`, { secretsKeyArn: null });
    });
  },
});
