import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type ScanType = 'ec2' | 'ecr' | 'lambda' | 'lambdaCode';

interface Params {
  resourceTypes: ScanType[];
}

const schema: JSONSchemaType<Params> = {
  type: 'object',
  additionalProperties: false,
  required: ['resourceTypes'],
  properties: { resourceTypes: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: ['ec2', 'ecr', 'lambda', 'lambdaCode'] } } },
};

export default defineCheck<Params>({
  id: 'inspector2-scanning-enabled',
  title: 'Amazon Inspector scans EC2 instances, ECR images and Lambda functions in every scanned region',
  severity: 'medium',
  resourceType: 'AWS::Inspector2::AccountStatus',
  requires: ['inspector2:BatchGetAccountStatus'],
  rationale:
    'Inspector continuously scans instances, container images and functions for known vulnerabilities (CVEs) and network ' +
    'exposure; a scan type that is off leaves those workloads\' vulnerabilities unidentified (PCI DSS 6.3.1, 11.3.1; ' +
    'MAS Notice 655 para 4.2).',
  remediation:
    'Activate the scan types in the region: Inspector console > Account management > select the account > Activate > ' +
    'Amazon EC2 / Amazon ECR / AWS Lambda standard scanning, or `aws inspector2 enable --resource-types EC2 ECR LAMBDA`; ' +
    'for an organisation, from the Inspector delegated administrator with auto-enable for new members.',
  schema,
  defaults: { resourceTypes: ['ec2', 'ecr', 'lambda'] },
  paramDocs: { resourceTypes: 'scan types that must be ENABLED: `ec2`, `ecr`, `lambda` (standard scanning), `lambdaCode` (code scanning)' },
  evaluate(inv, { resourceTypes }) {
    return inv.inspectorStatus.map((s) => {
      const status = Object.fromEntries(resourceTypes.map((t) => [t, s.resourceStatus[t] ?? null]));
      const evidence = { accountStatus: s.status, scanTypes: status };
      const off = resourceTypes.filter((t) => s.resourceStatus[t] !== 'ENABLED');
      if (off.length === 0) return pass(s, `Amazon Inspector scans ${resourceTypes.join(', ')} in ${s.region}.`, evidence);
      return fail(s, `Amazon Inspector does not scan ${off.map((t) => `${t} (${s.resourceStatus[t] ?? 'not reported'})`).join(', ')} in ${s.region}.`, { ...evidence, notEnabled: off });
    });
  },
});
