import type { JSONSchemaType } from 'ajv';
import type { EcrRegistryScanning, EcrRepository } from '../inventory/types.js';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

/** ECR's WILDCARD filter: `*` matches any run of characters, the rest literally. */
function matches(filter: string, name: string): boolean {
  const pattern = filter.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

/** The registry rule that scans this repository automatically (on push or continuously), if any. */
function scanningRule(registry: EcrRegistryScanning | undefined, repo: EcrRepository): { frequency: string; filter: string } | undefined {
  for (const rule of registry?.rules ?? []) {
    if (rule.frequency !== 'SCAN_ON_PUSH' && rule.frequency !== 'CONTINUOUS_SCAN') continue;
    const f = rule.filters.find((x) => x.type === 'WILDCARD' && matches(x.filter, repo.id));
    if (f) return { frequency: rule.frequency, filter: f.filter };
  }
  return undefined;
}

export default defineCheck<Params>({
  id: 'ecr-image-scanning-enabled',
  title: 'ECR repositories scan images for vulnerabilities on push (repository setting or a registry scanning rule)',
  severity: 'medium',
  resourceType: 'AWS::ECR::Repository',
  requires: ['ecr:DescribeRepositories', 'ecr:GetRegistryScanningConfiguration'],
  rationale:
    'An image pushed without a vulnerability scan can carry known-vulnerable packages into production unnoticed; scanning ' +
    'on push (basic), or continuously with enhanced scanning (Amazon Inspector), identifies them (PCI DSS 6.3.1, 6.3.3; ' +
    'MAS Notice 655 para 4.2).',
  remediation:
    'Add a registry scanning rule for the repository (ECR console > Private registry > Settings > Scanning > Enhanced or ' +
    'Basic, filter `*`, scan on push / continuous), or `aws ecr put-registry-scanning-configuration --scan-type ENHANCED ' +
    '--rules \'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'`.',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    const registries = new Map(inv.ecrRegistryScanning.map((r) => [r.region, r]));
    return inv.ecrRepositories.map((repo) => {
      const registry = registries.get(repo.region);
      const rule = scanningRule(registry, repo);
      const evidence = { repositoryScanOnPush: repo.scanOnPush, registryScanType: registry?.scanType ?? null, registryRule: rule ?? null };
      if (rule) return pass(repo, `ECR repository ${repo.id} is scanned by the registry's ${registry!.scanType} rule (${rule.frequency}, filter ${rule.filter}).`, evidence);
      if (repo.scanOnPush && registry?.scanType !== 'ENHANCED') return pass(repo, `ECR repository ${repo.id} scans images on push.`, evidence);
      return fail(repo, `ECR repository ${repo.id} does not scan pushed images: no scan on push and no registry scanning rule matches it.`, evidence);
    });
  },
});
