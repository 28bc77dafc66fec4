import type { JSONSchemaType } from 'ajv';
import { defineCheck, fail, pass } from './define.js';

type Params = Record<string, never>;

const schema: JSONSchemaType<Params> = { type: 'object', additionalProperties: false, properties: {}, required: [] };

export default defineCheck<Params>({
  id: 'ecr-tags-immutable',
  title: 'ECR repositories make image tags immutable',
  severity: 'medium',
  resourceType: 'AWS::ECR::Repository',
  requires: ['ecr:DescribeRepositories'],
  rationale:
    'With mutable tags anyone who can push may replace the image behind a tag a deployment trusts (`:1.4.2`, `:prod`): ' +
    'a tested, scanned image is silently swapped for another, and what runs is no longer what was approved (PCI DSS 6.5.1 ' +
    'change control, 11.5).',
  remediation:
    'Set the repository to immutable tags: ECR console > the repository > Edit > Tag immutability > Enabled, or `aws ecr ' +
    'put-image-tag-mutability --repository-name <repo> --image-tag-mutability IMMUTABLE` (IMMUTABLE_WITH_EXCLUSION to exempt ' +
    'a tag such as `latest`).',
  schema,
  defaults: {},
  paramDocs: {},
  evaluate(inv) {
    return inv.ecrRepositories.map((repo) => {
      const evidence = { imageTagMutability: repo.tagMutability };
      if (repo.tagMutability.startsWith('IMMUTABLE')) return pass(repo, `ECR repository ${repo.id} has immutable tags (${repo.tagMutability}).`, evidence);
      return fail(repo, `ECR repository ${repo.id} lets a pushed image replace an existing tag (${repo.tagMutability}).`, evidence);
    });
  },
});
