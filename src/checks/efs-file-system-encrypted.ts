import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'efs-file-system-encrypted',
  title: 'EFS file systems are encrypted at rest',
  severity: 'medium',
  resourceType: 'AWS::EFS::FileSystem',
  requires: ['efs:DescribeFileSystems'],
  rationale:
    'Encryption at rest of an EFS file system can only be chosen when it is created; an unencrypted one stays so, with its data, backups and replicas readable on the storage layer (CIS AWS Foundations 3.3.1).',
  remediation:
    'Create an encrypted file system (aws efs create-file-system --encrypted --kms-key-id <key>), copy the data across (AWS DataSync), switch the mount targets and delete the old one; make encryption the default with an SCP or Config rule on elasticfilesystem:Encrypted.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.efsFileSystems.map((f) => {
      const evidence = { encrypted: f.encrypted, kmsKeyId: f.kmsKeyId ?? null };
      return f.encrypted ? pass(f, `EFS file system ${f.id} is encrypted at rest.`, evidence) : fail(f, `EFS file system ${f.id} is not encrypted at rest.`, evidence);
    });
  },
});
