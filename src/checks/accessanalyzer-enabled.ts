import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** External-access analyzers; unused-access and internal-access analyzers do not count. */
const EXTERNAL_ACCESS_TYPES = new Set(['ACCOUNT', 'ORGANIZATION']);

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export default defineCheck<Params>({
  id: 'accessanalyzer-enabled',
  title: 'IAM Access Analyzer has an active analyzer in every scanned region',
  severity: 'medium',
  resourceType: 'AWS::AccessAnalyzer::RegionSettings',
  requires: ['accessanalyzer:ListAnalyzers'],
  rationale:
    'Access Analyzer flags S3 buckets, KMS keys, roles, secrets and other resources shared outside the account or organisation; analyzers are regional, so a region without one leaves external access there unnoticed.',
  remediation:
    'Create an external-access analyzer in the region: IAM > Access analyzer > Create analyzer, or aws accessanalyzer create-analyzer --analyzer-name default --type ACCOUNT --region <region> (type ORGANIZATION from the management or delegated administrator account).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.accessAnalyzer.map((aa) => {
      const analyzers = [...aa.analyzers].sort((a, b) => cmp(a.name, b.name));
      const active = analyzers.filter((a) => EXTERNAL_ACCESS_TYPES.has(a.type) && a.status === 'ACTIVE').map((a) => a.name);
      if (active.length > 0) {
        return pass(aa, `IAM Access Analyzer is active in ${aa.region} (analyzer ${active.join(', ')}).`, { activeAnalyzers: active });
      }
      const evidence = { analyzers: analyzers.map((a) => ({ name: a.name, type: a.type, status: a.status })) };
      return analyzers.length === 0
        ? fail(aa, `IAM Access Analyzer has no analyzer in ${aa.region}.`, evidence)
        : fail(aa, `IAM Access Analyzer has no active account or organization analyzer in ${aa.region}.`, evidence);
    });
  },
});
